namespace QuettaVoice.Web.Caching;

/// <summary>
/// How many times pages have been evicted, by every instance that shares the page store: what
/// <see cref="PageStore"/> compares to know whether a page went stale while it was being made.
/// </summary>
public interface IEvictionCount
{
    /// <summary>The count now; at once where it is kept in memory.</summary>
    ValueTask<long> ReadAsync();

    /// <summary>Counts one more eviction; called before the pages are evicted, never after.</summary>
    Task AddOneAsync();
}
