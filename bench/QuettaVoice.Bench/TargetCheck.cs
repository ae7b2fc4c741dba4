namespace QuettaVoice.Bench;

/// <summary>One of the targets with the measured figure; <see cref="Met"/> is null when it could not be measured.</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "MISSED", null => "n/a" };
}
