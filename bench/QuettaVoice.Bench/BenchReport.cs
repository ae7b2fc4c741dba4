namespace QuettaVoice.Bench;

/// <summary>Everything a run measured, as written to bench/results/latest.json.</summary>
public sealed record BenchReport
{
    public required DateTimeOffset FinishedAt { get; init; }
    public required string Commit { get; init; }
    public required int Cores { get; init; }
    public required string LoadAverageAtStart { get; init; }
    public required BenchOptions Options { get; init; }
    public required IReadOnlyList<ScenarioSummary> Scenarios { get; init; }
    public required IReadOnlyList<double> ColdStartSeconds { get; init; }
    public double ColdStartMedianSeconds => Stats.Median(ColdStartSeconds);
    public required int ImportedFiles { get; init; }
    public required IReadOnlyList<double> ImportSeconds { get; init; }
    public double ImportMedianSeconds => Stats.Median(ImportSeconds);

    /// <summary>Each server process's resident memory after all its load, by server.</summary>
    public required IReadOnlyDictionary<string, ResidentMemory> Memory { get; init; }

    /// <summary>VmHWM of each server process after all its load, in bytes, by server.</summary>
    public IReadOnlyDictionary<string, long> PeakWorkingSetBytes => Memory.ToDictionary(m => m.Key, m => m.Value.PeakBytes);
    public required string MainServerKey { get; init; }

    /// <summary>A crawler reading every story of the main archive from its cached server, after all the load.</summary>
    public required Crawl Crawl { get; init; }
    public long MainPeakWorkingSetBytes => PeakWorkingSetBytes.Where(p => p.Key.StartsWith(MainServerKey, StringComparison.Ordinal)).Select(p => p.Value).DefaultIfEmpty().Max();
    public required StoryPageSize StoryPage { get; init; }
    public required FirstView FirstView { get; init; }

    /// <summary>Stories the search query matches in each archive, by its number of stories.</summary>
    public required IReadOnlyDictionary<int, long> SearchMatches { get; init; }

    /// <summary>Stories the common-words search matches in each archive, by its number of stories.</summary>
    public required IReadOnlyDictionary<int, long> CommonSearchMatches { get; init; }
    public IReadOnlyList<TargetCheck> Targets { get; init; } = [];

    /// <summary>With --postgres: whether its pages' CPU per request counts the database server's (on this machine) with the site's.</summary>
    public bool? PostgresCpuCounted { get; init; }
}
