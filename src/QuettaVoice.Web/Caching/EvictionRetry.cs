using Microsoft.AspNetCore.OutputCaching;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// Evictions the page store could not make (Redis down, or restarting), made again every few seconds until it
/// answers: a story unpublished meanwhile is gone from every page once the store is back, not when its pages
/// expire. A tag asked for again while it waits is made once.
/// </summary>
public sealed partial class EvictionRetry(IOutputCacheStore store, TimeProvider clock, ILogger<EvictionRetry> logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();

    /// <summary>The tags waiting, each with how often it was asked for, so one asked for again during a try is kept for the next.</summary>
    private readonly Dictionary<string, int> waiting = new(StringComparer.Ordinal);

    private ITimer? timer;

    public void Later(IEnumerable<string> tags)
    {
        lock (gate)
        {
            foreach (var tag in tags)
            {
                waiting[tag] = waiting.GetValueOrDefault(tag) + 1;
            }

            timer ??= clock.CreateTimer(_ => _ = TryAgainAsync(), null, Interval, Interval);
        }
    }

    private async Task TryAgainAsync()
    {
        KeyValuePair<string, int>[] tags;
        lock (gate)
        {
            tags = [.. waiting];
        }

        foreach (var (tag, asked) in tags)
        {
            try
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogStillFailing(e, tags.Length);
                return;
            }

            lock (gate)
            {
                if (waiting.GetValueOrDefault(tag) == asked)
                {
                    waiting.Remove(tag);
                }

                if (waiting.Count == 0)
                {
                    timer?.Dispose();
                    timer = null;
                }
            }
        }

        LogEvicted(tags.Length);
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} cached page groups still could not be evicted; trying again shortly")]
    private partial void LogStillFailing(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evicted {Count} cached page groups that could not be evicted when they were saved")]
    private partial void LogEvicted(int count);
}
