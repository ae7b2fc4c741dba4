using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Health;

public static class HealthServices
{
    public const string Path = "/healthz";

    /// <summary>The checks a load balancer asks about: the store always, Redis when the site shares state there.</summary>
    public static IServiceCollection AddNewsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: 200 when every part answers, 503 otherwise, with one line per part and no detail an
    /// outsider could use. The middleware sends it uncached, and it does not wait in line behind pages being made.
    /// </summary>
    public static IEndpointConventionBuilder MapNewsHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteReportAsync }).WithMetadata(new TakesNoRenderTurnAttribute());

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Key}: {entry.Value.Status}"));
        return context.Response.WriteAsync(report.Status + "\n" + string.Join("\n", lines) + "\n");
    }
}
