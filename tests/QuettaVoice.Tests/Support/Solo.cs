namespace QuettaVoice.Tests.Support;

/// <summary>
/// Tests that watch something the whole process shares, such as the temporary folder: xunit runs this collection
/// after every other test has finished, so nothing else can touch what they watch.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Solo
{
    public const string Name = "solo";
}
