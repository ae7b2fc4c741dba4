using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Caching;

public static class CachingServices
{
    /// <summary>
    /// The output cache for readers' pages, in memory (the store is ASP.NET Core's <c>IOutputCacheStore</c>,
    /// so a shared one such as Redis can replace it) behind <see cref="PageStore"/>, the store's hook that evicts
    /// what a save changed, and compression for what is sent.
    /// </summary>
    public static IHostApplicationBuilder AddNewsCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCacheOptions>()
            .Bind(builder.Configuration.GetSection(PageCacheOptions.SectionName))
            .Validate(pages => pages.MemoryMegabytes > 0, "OutputCache:MemoryMegabytes must be at least 1: with none, no page would be cached.")
            .ValidateOnStart();
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPagePolicy.Page, new PublicPagePolicy("replyto"));
            options.AddPolicy(PublicPagePolicy.List, new PublicPagePolicy(null, CacheTags.Lists));
            options.AddPolicy(PublicPagePolicy.Search, new PublicPagePolicy("q", CacheTags.Lists));
        });
        builder.Services.AddOptions<OutputCacheOptions>()
            .Configure<IOptions<PageCacheOptions>>((cache, pages) => cache.SizeLimit = pages.Value.MemoryMegabytes * 1024L * 1024);
        StoreEveryPageThrough(builder.Services);
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddSingleton<SharedPartBrotli>();
        builder.Services.AddSingleton<SectionList>();
        builder.Services.AddSingleton<ScheduledEviction>();
        builder.Services.AddSingleton<EvictionRetry>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledEviction>());
        builder.Services.AddSingleton<IInterceptor, CacheEvictionInterceptor>();
        return builder;
    }

    /// <summary>
    /// Wraps whichever store is registered (memory, or Redis from <c>AddSharedState</c>) in a <see cref="PageStore"/>,
    /// counting evictions where that registered its count (Redis), else in memory. The wrapped store stays a
    /// service of its own (keyed <see cref="PageStore.Inner"/>), which a test can hold in the middle of a write.
    /// </summary>
    private static void StoreEveryPageThrough(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IOutputCacheStore) && !s.IsKeyedService);
        services.RemoveAll<IOutputCacheStore>();
        services.AddKeyedSingleton(PageStore.Inner, (provider, _) => (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IEvictionCount, LocalEvictionCount>();
        services.AddSingleton(provider => new PageStore(
            provider.GetRequiredKeyedService<IOutputCacheStore>(PageStore.Inner),
            provider.GetRequiredService<IEvictionCount>(),
            provider.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<PageStore>());
    }

    /// <summary>
    /// After sign-in is known (a signed-in user's pages are never cached), a note of the read cache's clears so far
    /// (<see cref="ReadCache.NoteRequestStart"/>), the per-reader form fields outside
    /// the cache, the cache inside them, and compression inside the cache as well as outside it: the cache then
    /// keeps each page compressed, one copy per encoding sent (see PublicPagePolicy), where compressing it again for every
    /// reader took two to three times the processor time of sending it (a feed: 540 µs against 170 µs).
    /// </summary>
    public static IApplicationBuilder UseNewsCaching(this IApplicationBuilder app)
    {
        var readCache = app.ApplicationServices.GetRequiredService<ReadCache>();
        return app
            .Use((context, next) =>
            {
                readCache.NoteRequestStart(context);
                return next(context);
            })
            .UseMiddleware<PerReaderFormFields>().UseOutputCache().UseNewsCompression(inPieces: true);
    }
}
