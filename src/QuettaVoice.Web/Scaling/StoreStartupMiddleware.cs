namespace QuettaVoice.Web.Scaling;

public static class StoreStartupMiddleware
{
    /// <summary>
    /// Holds each request until the store is up (at once, after the first second of a start). Routing and
    /// everything else before this runs meanwhile; a store that cannot be brought up answers 500, and the
    /// host stops (see <see cref="Caching.ScheduledEviction"/>).
    /// </summary>
    public static IApplicationBuilder UseStoreStartup(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<StoreStartup>();
        return app.Use(async (context, next) =>
        {
            await store.Ready.WaitAsync(context.RequestAborted);
            await next(context);
        });
    }
}
