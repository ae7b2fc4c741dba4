using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// A scheduled story goes live by the clock alone, with no change in the store to evict a page: this wakes
/// at the next story's time, evicts every cached page and marks the story published, then waits for the one after.
/// </summary>
public sealed partial class ScheduledEviction(
    IServiceScopeFactory scopes,
    IOutputCacheStore store,
    EvictionRetry retry,
    ReadCache readCache,
    TimeProvider clock,
    StoreStartup storeStartup,
    ILogger<ScheduledEviction> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>
    /// The longest one timer waits. .NET refuses a wait of more than about 49 days, and a story may be scheduled for
    /// next year: the timer wakes at this, finds nothing due yet, and waits again.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(7);

    private readonly Lock gate = new();
    private ITimer? timer;
    private DateTime? armedFor;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Once the server listens, so that looking the schedule up never delays it. The host counts as started only
    /// after this, so a store that could not be brought up stops the site here.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await storeStartup.Ready.WaitAsync(cancellationToken);
        await MarkDueStoriesPublishedAsync(cancellationToken);
        await RescheduleAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Scheduled stories whose time has come are marked published: readers see them by the clock whatever their mark,
    /// but the newsroom's lists by status go by it. Nothing else of theirs changes, so a form open on one still saves.
    /// Done when the timer wakes and at start (for those due while the site was down), never from a save, whose
    /// transaction this would wait on.
    /// </summary>
    private async Task MarkDueStoriesPublishedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<NewsDb>().Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= nowUtc)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ArticleStatus.Published), cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Looks up the next scheduled story again: called whenever stories change, inside their save's transaction too, so it only reads.</summary>
    /// <param name="woken">The time whose wake has just done its work, and so gives way to the next.</param>
    /// <param name="cancellationToken">The save's.</param>
    public async Task RescheduleAsync(DateTime? woken = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var next = await scope.ServiceProvider.GetRequiredService<NewsDb>().Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt > nowUtc)
            .MinAsync(a => a.PublishedAt, cancellationToken);

        Arm(next, next is { } due ? due - nowUtc : TimeSpan.Zero, woken: woken);
    }

    /// <param name="due">The next story's time, or none.</param>
    /// <param name="wait">How long to wait before waking for it (at most <see cref="LongestWait"/>).</param>
    /// <param name="stillFor">When given, the timer is set only if it still waits for that time: a save meanwhile may have set it for another.</param>
    /// <param name="woken">The time whose wake has done its work, which gives way (see <see cref="RescheduleAsync"/>).</param>
    private void Arm(DateTime? due, TimeSpan wait, DateTime? stillFor = null, DateTime? woken = null)
    {
        lock (gate)
        {
            if (stillFor is not null && armedFor != stillFor)
            {
                return;
            }

            // A wake whose time has come and that has not yet done its work (its timer about to fire, or put off while
            // the cache did not answer) is kept: a save looking up "the next story after now" would pass its story over.
            // The wake looks the schedule up again itself once done.
            if (stillFor is null && armedFor is { } pending && pending != woken && pending <= clock.GetUtcNow().UtcDateTime)
            {
                return;
            }

            armedFor = due;
            timer?.Dispose();
            timer = due is { } at
                ? clock.CreateTimer(_ => _ = WakeAsync(at), null, TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.TicksPerMillisecond, LongestWait.Ticks)), Timeout.InfiniteTimeSpan)
                : null;
        }
    }

    private async Task WakeAsync(DateTime due)
    {
        try
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            if (nowUtc < due)
            {
                // Woken before the story is due: at the end of a long wait, or a timer's millisecond early. The same
                // story is waited for again, not looked up: by the time of that look it could be due, and be passed over.
                Arm(due, due - nowUtc, stillFor: due);
                return;
            }

            readCache.Clear();
            await store.EvictByTagAsync(CacheTags.Site, CancellationToken.None);
            await MarkDueStoriesPublishedAsync(CancellationToken.None);
            await RescheduleAsync(woken: due);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timer has no caller to tell: log, evict again once the store answers, and wake again shortly for the
            // same story, so that the schedule goes on: left at that, no later scheduled story was ever waited for.
            LogFailed(ex);
            retry.Later([CacheTags.Site]);
            Arm(due, EvictionRetry.Interval, stillFor: due);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
            armedFor = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not evict cached pages when a scheduled story went live")]
    private partial void LogFailed(Exception exception);
}
