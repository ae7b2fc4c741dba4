using QuettaVoice.Web.Health;

namespace QuettaVoice.Web.Scaling;

public static class StoreStartupMiddleware
{
    /// <summary>On a restart the store is up within a second or two; longer means a lock another instance holds.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Holds a request that comes while the site starts until the store is up; once it is, nothing waits here.
    /// Routing, before this, runs meanwhile. A request still waiting after <paramref name="longestWait"/>, and a
    /// health check at once, get a 503 with Retry-After, so a proxy or a monitor hears "not yet" instead of
    /// hanging. A store that cannot be brought up answers 500, and the host stops (see <c>Program</c>).
    /// </summary>
    public static IApplicationBuilder UseStoreStartup(this IApplicationBuilder app, TimeSpan? longestWait = null)
    {
        var store = app.ApplicationServices.GetRequiredService<StoreStartup>();
        var wait = longestWait ?? LongestWait;
        return app.Use(async (context, next) =>
        {
            if (!store.Ready.IsCompleted && !await IsReadyWithinAsync(store.Ready, context.Request.Path == HealthServices.Path ? TimeSpan.Zero : wait, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsync("Starting: the site is bringing its store up. Try again in a moment.\n", context.RequestAborted);
                return;
            }

            await store.Ready;
            await next(context);
        });
    }

    private static async Task<bool> IsReadyWithinAsync(Task ready, TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.WhenAny(ready, Task.Delay(wait, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return ready.IsCompleted;
    }
}
