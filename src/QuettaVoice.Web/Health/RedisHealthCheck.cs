using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace QuettaVoice.Web.Health;

/// <summary>Healthy when Redis, which holds the shared key ring and cached pages, answers a PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }
}
