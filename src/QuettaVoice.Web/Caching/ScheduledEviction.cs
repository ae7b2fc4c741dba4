using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// A scheduled story goes live by the clock alone, with no change in the store to evict a page: this wakes
/// at the next story's time and evicts every cached page, then waits for the one after.
/// </summary>
public sealed partial class ScheduledEviction(
    IServiceScopeFactory scopes,
    IOutputCacheStore store,
    StoryCounts counts,
    TimeProvider clock,
    ILogger<ScheduledEviction> logger) : IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private ITimer? timer;

    public Task StartAsync(CancellationToken cancellationToken) => RescheduleAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Looks up the next scheduled story again: called whenever stories change.</summary>
    public async Task RescheduleAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var next = await scope.ServiceProvider.GetRequiredService<NewsDb>().Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt > nowUtc)
            .MinAsync(a => a.PublishedAt, cancellationToken);

        lock (gate)
        {
            timer?.Dispose();
            timer = next is { } due
                ? clock.CreateTimer(_ => _ = GoLiveAsync(), null, due - nowUtc, Timeout.InfiniteTimeSpan)
                : null;
        }
    }

    private async Task GoLiveAsync()
    {
        try
        {
            counts.Clear();
            await store.EvictByTagAsync(CacheTags.Site, CancellationToken.None);
            await RescheduleAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timer has no caller to tell: the pages still expire on their own, so log and carry on.
            LogFailed(ex);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not evict cached pages when a scheduled story went live")]
    private partial void LogFailed(Exception exception);
}
