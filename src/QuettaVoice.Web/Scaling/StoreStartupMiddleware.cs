namespace QuettaVoice.Web.Scaling;

public static class StoreStartupMiddleware
{
    /// <summary>
    /// Holds a request that comes while the site starts until the store is up; once it is, nothing waits here.
    /// Routing, before this, runs meanwhile. A store that cannot be brought up answers 500, and the host stops
    /// (see <see cref="Caching.ScheduledEviction"/>).
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
