using Microsoft.AspNetCore.OutputCaching;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// The page cache's store (memory, or Redis), which keeps no page whose rendering began before an eviction.
/// A reader's render reads the store, then takes a few milliseconds to finish; an editor who unpublishes the
/// story meanwhile evicts its pages, and the render, stored after that, would bring the old story back for
/// every reader until it expired. So each render notes the count of evictions (<see cref="IEvictionCount"/>,
/// shared by every instance) when it begins, and its page is not stored if the count has moved since. An
/// eviction that comes while the page is being stored is caught by asking again once it is stored: the page is
/// then overwritten by an empty entry, which reads as no page. That drops this page alone: evicting it by its tags
/// would take with it every page that shares one, and every page shares <see cref="CacheTags.Site"/>. Every eviction is counted before it is made, so in any order either the
/// eviction finds the page stored or the page finds the count moved. A page found stale once it is made is not
/// offered to the readers who came while it was being made either (the policy asks
/// <see cref="EvictedSinceRenderStartAsync"/> after the page's last byte): they make it afresh. Evictions are rare beside reads, so the
/// renders they throw away cost little.
/// </summary>
public sealed class PageStore(IOutputCacheStore inner, IEvictionCount evictions, IHttpContextAccessor requests) : IOutputCacheStore
{
    /// <summary>The key of the store this one wraps, among the services.</summary>
    public const string Inner = "page-store-inner";

    private static readonly object EvictionsAtStart = new();

    /// <summary>
    /// Notes, for the page <paramref name="request"/> is about to render, how many evictions came before it. Not
    /// waited for: asked of Redis, the count is sent ahead of the store's lookup of the page, so it is read before
    /// anything the render reads.
    /// </summary>
    public void NoteRenderStart(HttpContext request)
    {
        var count = evictions.ReadAsync();
        request.Items[EvictionsAtStart] = count.IsCompletedSuccessfully ? count.Result : count.AsTask();
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await inner.GetAsync(key, cancellationToken) is { Length: > 0 } page ? page : null;

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var request = requests.HttpContext;
        if (request is not null && await EvictedSinceRenderStartAsync(request))
        {
            return;
        }

        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        if (request is not null && await EvictedSinceRenderStartAsync(request))
        {
            // Not the request's token: a reader who leaves now must not leave the stale page stored.
            await inner.SetAsync(key, [], [], validFor, CancellationToken.None);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await evictions.AddOneAsync();
        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>
    /// Whether a page has been evicted since <paramref name="request"/>'s page began to be made; false for a request
    /// that noted no start. A count that cannot be read (Redis down) says yes: the page is sent, but kept for no one.
    /// </summary>
    public async Task<bool> EvictedSinceRenderStartAsync(HttpContext request)
    {
        var noted = request.Items[EvictionsAtStart];
        if (noted is null)
        {
            return false;
        }

        try
        {
            var atStart = noted is long known ? known : await (Task<long>)noted;
            return atStart != await evictions.ReadAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true;
        }
    }
}
