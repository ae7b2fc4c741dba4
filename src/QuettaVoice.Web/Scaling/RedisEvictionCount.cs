using QuettaVoice.Web.Caching;
using StackExchange.Redis;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The count kept in Redis beside the pages, with the time of the last eviction, so that an eviction made by one
/// instance is seen by a page another instance is making, and by a reader's copy another instance is asked about.
/// </summary>
public sealed class RedisEvictionCount(IConnectionMultiplexer redis, RedisOptions options, TimeProvider clock) : IEvictionCount
{
    private readonly RedisKey key = options.InstanceName + "page-evictions";
    private readonly RedisKey lastAtKey = options.InstanceName + "page-evicted-at";

    public async ValueTask<long> ReadAsync() => (long?)await redis.GetDatabase().StringGetAsync(key) ?? 0;

    public Task AddOneAsync()
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(db.StringSetAsync(lastAtKey, clock.GetUtcNow().ToUnixTimeSeconds()), db.StringIncrementAsync(key));
    }

    public async ValueTask<DateTimeOffset?> LastAtAsync() =>
        (long?)await redis.GetDatabase().StringGetAsync(lastAtKey) is { } at ? DateTimeOffset.FromUnixTimeSeconds(at) : null;
}
