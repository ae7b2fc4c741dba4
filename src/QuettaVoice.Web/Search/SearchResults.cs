namespace QuettaVoice.Web.Search;

/// <summary>A page of results, and how many stories match in all.</summary>
public sealed record SearchResults(int TotalCount, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>
    /// Matches are counted exactly up to this many; past it, readers are told "more than" this many. A common word
    /// at 100,000 stories is in tens of thousands of them, and counting them all took longer than finding and
    /// scoring the page itself (3 to 8 ms of the engine's time for "gwadar port", against 0.3 for a thousand).
    /// </summary>
    public const int CountedExactlyUpTo = 1000;

    public static readonly SearchResults None = new(0, []);

    /// <summary>
    /// Counting stopped at <see cref="TotalCount"/> (at least <see cref="CountedExactlyUpTo"/>, more on a page past
    /// it): more stories than that match.
    /// </summary>
    public bool MoreThanTotal { get; init; }
}
