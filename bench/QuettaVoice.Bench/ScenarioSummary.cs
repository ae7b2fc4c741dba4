namespace QuettaVoice.Bench;

/// <summary>A scenario's rounds and their medians; <see cref="Available"/> is false when the site does not have the page.</summary>
public sealed record ScenarioSummary(
    string Key,
    string Title,
    int Stories,
    string Path,
    bool Available,
    string? Note,
    IReadOnlyList<ScenarioRound> Rounds)
{
    public double RequestsPerSecond => Stats.Median(Rounds.Select(r => r.Wrk.RequestsPerSecond));
    public double P50Milliseconds => Stats.Median(Rounds.Select(r => r.Wrk.P50Milliseconds));
    public double P99Milliseconds => Stats.Median(Rounds.Select(r => r.Wrk.P99Milliseconds));
    public double CpuMillisecondsPerRequest => Stats.Median(Rounds.Select(r => r.CpuMillisecondsPerRequest));
    public long Errors => Rounds.Sum(r => r.Wrk.Errors);
}
