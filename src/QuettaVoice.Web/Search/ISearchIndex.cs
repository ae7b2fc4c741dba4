namespace QuettaVoice.Web.Search;

/// <summary>
/// Full-text search over the stories readers may see now. The store keeps the index in step with the
/// stories itself, so an edit, an unpublish or a delete is reflected by the next search.
/// </summary>
public interface ISearchIndex
{
    /// <summary>One page of matches, best first (a headline match above a body match), newer first among equals.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The ids of every story the query matches, whatever its status (the newsroom sees them all), unranked.</summary>
    IQueryable<int> Matching(SearchQuery query);
}
