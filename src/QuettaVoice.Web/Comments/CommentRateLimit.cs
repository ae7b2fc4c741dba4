using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QuettaVoice.Web.Comments;

/// <summary>
/// How many comments one client address may post, in a minute's window and an hour's together, counted per instance
/// of the site. Only comments about to be stored are counted: a form refused for a mistake costs the reader nothing.
/// </summary>
public sealed class CommentRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> perMinute;
    private readonly PartitionedRateLimiter<string> perHour;
    private readonly PartitionedRateLimiter<string> both;

    public CommentRateLimit(IOptions<CommentOptions> options)
    {
        perMinute = PerClient(options.Value.PerMinute, TimeSpan.FromMinutes(1));
        perHour = PerClient(options.Value.PerHour, TimeSpan.FromHours(1));
        both = PartitionedRateLimiter.CreateChained(perMinute, perHour);
    }

    /// <summary>Counts a comment from <paramref name="client"/>: null when it may be stored, else how long to wait before the next.</summary>
    public TimeSpan? Admit(IPAddress? client)
    {
        using var lease = both.AttemptAcquire(client?.ToString() ?? "unknown");
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> PerClient(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    // A chain does not own the limiters it chains.
    public void Dispose()
    {
        both.Dispose();
        perMinute.Dispose();
        perHour.Dispose();
    }
}
