using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Lets the searches the page cache cannot answer run a few at a time. Every new query is a cache miss, and on a
/// large archive a search holds a thread and a core for tens of milliseconds: left alone, a crowd of searches took
/// the threads and cores the cached pages needed, and a cached story waited about a second. A search waiting for
/// its turn holds neither; when too many wait, a reader is asked to try again.
/// </summary>
public sealed class SearchGate(IOptions<SearchOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.Running,
        QueueLimit = options.Value.Waiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A turn to search, given when one is free; not acquired when too many wait already. Dispose it after the search.</summary>
    public ValueTask<RateLimitLease> WaitForTurnAsync(CancellationToken cancellationToken) => limiter.AcquireAsync(1, cancellationToken);

    /// <summary>Searches waiting for a turn now.</summary>
    public long Waiting => limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => limiter.Dispose();
}
