namespace QuettaVoice.Web.Caching;

/// <summary>
/// How many times pages have been evicted, and when last, by every instance that shares the page store: what
/// <see cref="PageStore"/> compares to know whether a page went stale while it was being made, and what
/// <see cref="PublicPagePolicy"/> asks before it trusts a reader's copy by its date alone.
/// </summary>
public interface IEvictionCount
{
    /// <summary>The count now; at once where it is kept in memory.</summary>
    ValueTask<long> ReadAsync();

    /// <summary>Counts one more eviction, made now; called before the pages are evicted, never after.</summary>
    Task AddOneAsync();

    /// <summary>When pages were last evicted, to the second; null when they never were.</summary>
    ValueTask<DateTimeOffset?> LastAtAsync();
}
