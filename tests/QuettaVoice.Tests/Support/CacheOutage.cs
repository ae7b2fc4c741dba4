using QuettaVoice.Web.Caching;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// While on, the page cache's count of evictions fails as it does while Redis is down, so every eviction fails;
/// the pages already stored stay, as they do in Redis meanwhile.
/// </summary>
public sealed class CacheOutage
{
    public bool IsOn { get; set; }

    /// <summary><paramref name="count"/>, failing while the outage is on.</summary>
    public IEvictionCount Around(IEvictionCount count) => new Count(this, count);

    private sealed class Count(CacheOutage outage, IEvictionCount inner) : IEvictionCount
    {
        public ValueTask<long> ReadAsync() => outage.IsOn ? ValueTask.FromException<long>(Down()) : inner.ReadAsync();

        public Task AddOneAsync() => outage.IsOn ? Task.FromException(Down()) : inner.AddOneAsync();

        public ValueTask<DateTimeOffset?> LastAtAsync() => outage.IsOn ? ValueTask.FromException<DateTimeOffset?>(Down()) : inner.LastAtAsync();

        private static InvalidOperationException Down() => new("The page cache's store does not answer (a test's outage).");
    }
}
