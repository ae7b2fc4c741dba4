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

    /// <summary>Sets the time of the last eviction unless a later one is there: the latest wins, whichever instance writes last.</summary>
    private const string KeepLatest = """
        local at = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > at then redis.call('SET', KEYS[1], ARGV[1]) end
        return redis.call('INCR', KEYS[2])
        """;

    public Task AddOneAsync() =>
        redis.GetDatabase().ScriptEvaluateAsync(KeepLatest, [lastAtKey, key], [clock.GetUtcNow().ToUnixTimeSeconds()]);

    public async ValueTask<DateTimeOffset?> LastAtAsync() =>
        (long?)await redis.GetDatabase().StringGetAsync(lastAtKey) is { } at ? DateTimeOffset.FromUnixTimeSeconds(at) : null;
}
