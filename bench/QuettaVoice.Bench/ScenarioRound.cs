namespace QuettaVoice.Bench;

/// <summary>One measured wrk run and the server CPU it cost.</summary>
public sealed record ScenarioRound(int Round, WrkResult Wrk, double CpuMillisecondsPerRequest);
