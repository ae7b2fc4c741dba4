using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// What may be cached: a reader's anonymous GET of a public page, answered 200 with no cookie. A signed-in
/// user, a commenter on the story where their comment waits (only they see it; their browser sends that
/// cookie with that story's pages alone), and anyone carrying a one-time message get the page rendered for
/// them and never stored.
/// </summary>
/// <param name="varyingQueryKey">
/// The only query value that changes the page (a story's reply form, a search's words), if any; any other
/// query, such as a campaign's tracking values, shares the page's entry. So a cached page's handler takes
/// everything else that picks what it shows from the route alone (<c>[FromRoute]</c>): a value it read from
/// the query would be stored as the page at the plain address.
/// </param>
/// <param name="tags">What else the page shows, by <see cref="CacheTags"/>, beyond the site's masthead.</param>
public sealed class PublicPagePolicy(string? varyingQueryKey, params string[] tags) : IOutputCachePolicy
{
    /// <summary>A page about one thing (a story); it names what it shows with <see cref="CacheTags.TagResponse"/>.</summary>
    public const string Page = "PublicPage";

    /// <summary>A page that lists stories: evicted whenever a story readers can see changes.</summary>
    public const string List = "PublicList";

    /// <summary>
    /// Search results, one entry per query: they list stories, so the same changes evict them. When a story
    /// brings a spike, many readers search the same words, and only the first pays for the ranking.
    /// </summary>
    public const string Search = "PublicSearch";

    private static readonly object QueryValueShown = new();

    /// <summary>
    /// Says the page is the one its query value asks for, written as the site writes it (the form answering that
    /// comment, <c>?replyto=42</c>): only then is it kept as a copy of its own. A value that changes nothing (a
    /// comment not on the page, a word) or is written otherwise (<c>042</c>, twice) gets the page rendered for that
    /// reader and not kept, so made-up values cannot fill the cache with copies of one page.
    /// </summary>
    public static void ShowsQueryValue(HttpContext context, string value) => context.Items[QueryValueShown] = value;

    /// <summary>Whether the request's query value, if it has one, is the one the page says it shows.</summary>
    private bool ShownAsAsked(HttpContext context)
    {
        var asked = varyingQueryKey is null ? StringValues.Empty : context.Request.Query[varyingQueryKey];
        // An empty value is the plain page's own key.
        return StringValues.IsNullOrEmpty(asked)
            || (asked.Count == 1 && context.Items[QueryValueShown] is string shown && string.Equals(shown, asked[0], StringComparison.Ordinal));
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<PageCacheOptions>>().Value;
        var cacheable = options.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Cookies.ContainsKey(PendingComments.CookieName)
            && !request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // A spike of readers on one new story renders it once; the others wait for that copy.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Expiration;
        context.CacheVaryByRules.QueryKeys = varyingQueryKey;
        // Pages are written with Site:BaseUrl, whatever the Host header says: varying by it let anyone store a copy
        // of a page under every made-up host name and push the readers' pages out of the cache.
        context.CacheVaryByRules.VaryByHost = false;
        // Pages are kept compressed: one copy per encoding the reader is sent, not per Accept-Encoding as
        // written, which anyone may vary at will to make every request a miss.
        context.CacheVaryByRules.VaryByValues[HeaderNames.ContentEncoding] = context.HttpContext.RequestServices
            .GetRequiredService<IResponseCompressionProvider>().ChosenEncoding(context.HttpContext) ?? "identity";
        context.Tags.Add(CacheTags.Site);
        context.Tags.UnionWith(tags);
        if (cacheable)
        {
            context.HttpContext.RequestServices.GetRequiredService<PageStore>().NoteRenderStart(context.HttpContext);
            // Validators for the copy about to be made, set now because the cache keeps the headers the page
            // starts with: a reader coming back gets a 304 while it is still the page we have.
            var headers = context.HttpContext.Response.Headers;
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            headers.ETag = $"W/\"{Guid.NewGuid():N}\"";
            headers.LastModified = now.ToString("R", CultureInfo.InvariantCulture);
            headers.CacheControl = "no-cache";
        }

        return ValueTask.CompletedTask;
    }

    async ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The date set above was for a copy about to be made: a copy served gets its own, and a 304 none, rather
        // than now (a browser takes a 304's date as its copy's, and would later be told an older page was current).
        // (A copy found too new to serve, another instance's clock being ahead, is made again without one: it is
        // then known by its ETag, and by a date alone never confirmed wrongly, since the check below still holds.)
        context.HttpContext.Response.Headers.Remove(HeaderNames.LastModified);
        var request = context.HttpContext.Request.Headers;
        if (!StringValues.IsNullOrEmpty(request.IfNoneMatch)
            || !HeaderUtilities.TryParseDate(request.IfModifiedSince.ToString(), out var since)
            || await LastEvictionAsync(context.HttpContext) is not { } evicted
            || since > evicted)
        {
            return;
        }

        // A date is to the second, and a page made, changed and made again within one second keeps it: a copy
        // dated at or before the last eviction may be an older page, so it is sent again rather than confirmed.
        request.Remove(HeaderNames.IfModifiedSince);
    }

    /// <summary>When pages were last evicted, to the second; when that cannot be known (Redis down), now.</summary>
    private static async Task<DateTimeOffset?> LastEvictionAsync(HttpContext context)
    {
        try
        {
            return await context.RequestServices.GetRequiredService<IEvictionCount>().LastAtAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        }
    }

    async ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (!context.AllowCacheStorage
            || response.StatusCode != StatusCodes.Status200OK
            || PerReaderFormFields.PageSetCookies(context.HttpContext)
            || !ShownAsAsked(context.HttpContext)
            || await context.HttpContext.RequestServices.GetRequiredService<PageStore>().EvictedSinceRenderStartAsync(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }
    }
}
