namespace QuettaVoice.Web.Search;

public sealed record SearchResults(int TotalCount, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults None = new(0, []);
}
