namespace QuettaVoice.Web.Moving;

/// <summary>One table of a finished copy: the rows read from the source and the rows the target then held.</summary>
public sealed record CopiedTable(string Name, long Read, long Written);
