using Microsoft.AspNetCore.OutputCaching;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// The page cache's store (memory, or Redis), which keeps no page whose rendering began before an eviction.
/// A reader's render reads the store, then takes a few milliseconds to finish; an editor who unpublishes the
/// story meanwhile evicts its pages, and the render, stored after that, would bring the old story back for
/// every reader until it expired. So each render notes how many evictions had been made when it began, and its
/// page is stored only if none has been made since: the next reader renders it afresh. The check and the
/// storing happen under one gate with the evictions' count, so no eviction falls between them. A page found
/// stale as it starts to be sent is not offered to the readers who came while it was being made either
/// (the policy asks <see cref="EvictedSinceRenderStart"/>): they make it afresh.
/// Evictions are rare beside reads, so a render they throw away costs little. Several instances sharing
/// Redis each count their own evictions only, which this cannot see across processes.
/// </summary>
public sealed class PageStore(IOutputCacheStore inner, IHttpContextAccessor requests) : IOutputCacheStore, IDisposable
{
    private static readonly object EvictionsAtStart = new();

    private readonly SemaphoreSlim gate = new(1, 1);
    private long evictions;

    /// <summary>Notes, for the page <paramref name="request"/> is about to render, how many evictions came before it.</summary>
    public void NoteRenderStart(HttpContext request) => request.Items[EvictionsAtStart] = Interlocked.Read(ref evictions);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (requests.HttpContext is not { } request || !EvictedSinceRenderStart(request))
            {
                await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref evictions);
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether a page has been evicted since <paramref name="request"/>'s page began to be made.</summary>
    public bool EvictedSinceRenderStart(HttpContext request) =>
        request.Items[EvictionsAtStart] is long atStart && atStart != Interlocked.Read(ref evictions);

    public void Dispose()
    {
        gate.Dispose();
        (inner as IDisposable)?.Dispose();
    }
}
