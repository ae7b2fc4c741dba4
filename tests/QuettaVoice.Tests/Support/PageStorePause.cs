using Microsoft.AspNetCore.OutputCaching;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// Holds the page cache's write of one page, after the page passed every check before it and before the store
/// has it, until the test lets it go: the moment an eviction can pass the page by.
/// </summary>
public sealed class PageStorePause
{
    private readonly HoldPoint<string[]> point = new();

    /// <summary>Holds the next write of a page whose tags <paramref name="match"/>, and that one only.</summary>
    public Hold Next(Func<string[], bool> match) => point.Next(match);

    /// <summary><paramref name="store"/>, holding the write a test asked for.</summary>
    public IOutputCacheStore Around(IOutputCacheStore store) => new Store(point, store);

    private sealed class Store(HoldPoint<string[]> point, IOutputCacheStore inner) : IOutputCacheStore, IDisposable
    {
        // The container disposes this in the store's place (Redis's holds a connection).
        public void Dispose() => (inner as IDisposable)?.Dispose();

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            if (point.Take(tags ?? []) is { } hold)
            {
                await hold.StopHereAsync();
            }

            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
