using QuettaVoice.Web.Caching;
using StackExchange.Redis;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The count kept in Redis beside the pages, so that an eviction made by one instance is seen by a page another
/// instance is making.
/// </summary>
public sealed class RedisEvictionCount(IConnectionMultiplexer redis, RedisOptions options) : IEvictionCount
{
    private readonly RedisKey key = options.InstanceName + "page-evictions";

    public async ValueTask<long> ReadAsync() => (long?)await redis.GetDatabase().StringGetAsync(key) ?? 0;

    public Task AddOneAsync() => redis.GetDatabase().StringIncrementAsync(key);
}
