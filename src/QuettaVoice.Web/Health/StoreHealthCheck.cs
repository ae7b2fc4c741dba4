using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Health;

/// <summary>Healthy when the store answers a query on the stories, not merely when a connection opens.</summary>
public sealed class StoreHealthCheck(NewsDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await db.Articles.AsNoTracking().Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", e);
        }
    }
}
