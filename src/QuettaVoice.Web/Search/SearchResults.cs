namespace QuettaVoice.Web.Search;

/// <summary>A page of results, and how many stories match in all.</summary>
public sealed record SearchResults(int TotalCount, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults None = new(0, []);

    /// <summary>Counting stopped at <see cref="TotalCount"/>: more stories than that match.</summary>
    public bool MoreThanTotal { get; init; }
}
