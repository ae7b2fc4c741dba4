namespace QuettaVoice.Web.Caching;

/// <summary>The count for a site on one server, whose pages are kept in its own memory.</summary>
public sealed class LocalEvictionCount(TimeProvider clock) : IEvictionCount
{
    private long count;

    /// <summary>Unix seconds of the last eviction; 0 before any.</summary>
    private long lastAt;

    public ValueTask<long> ReadAsync() => new(Interlocked.Read(ref count));

    public Task AddOneAsync()
    {
        // The latest wins: an eviction a moment older, finishing after it, must not set the time back.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        for (var seen = Interlocked.Read(ref lastAt); seen < now; seen = Interlocked.Read(ref lastAt))
        {
            if (Interlocked.CompareExchange(ref lastAt, now, seen) == seen)
            {
                break;
            }
        }

        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }

    public ValueTask<DateTimeOffset?> LastAtAsync() =>
        new(Interlocked.Read(ref lastAt) is var at and > 0 ? DateTimeOffset.FromUnixTimeSeconds(at) : null);
}
