using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages;

/// <summary>
/// The old WordPress site's query-string links on the front page, still in old pages, bookmarks, feed readers and
/// search engines: <c>/?p=123</c> (a post by number), <c>/?s=words</c> (a search) and the rest of WordPress's
/// queries, answered with a 301 to today's address, or a 404 where there is none.
/// </summary>
public static class WordPressLinks
{
    public static IApplicationBuilder UseWordPressLinks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path != "/" || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                await next(context);
                return;
            }

            if (request.Query.TryGetValue("p", out var postNumber))
            {
                if (await PermalinkOfPostAsync(context, postNumber.ToString()) is { } permalink)
                {
                    context.Response.Redirect(permalink, permanent: true);
                }
                else
                {
                    // Answered by the status code pages, so the reader gets the same 404 page as anywhere else.
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                return;
            }

            if (request.Query.TryGetValue("s", out var terms))
            {
                context.Response.Redirect("/search?q=" + Uri.EscapeDataString(terms.ToString()), permanent: true);
                return;
            }

            if (Other(request.Query) is { } answer)
            {
                if (answer.Address is { } address)
                {
                    context.Response.Redirect(address, permanent: true);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                return;
            }

            await next(context);
        });

    /// <summary>
    /// WordPress's other front-page queries: a month's archive, a section, tag or author by its slug, each at its
    /// address today, with <c>feed</c> at that page's feed (the site's, alone). Those by a number this site never had
    /// (a category's, a page's, an attachment's, an author's), and a month's feed, have no address: a 404, where the
    /// front page was served as if it answered them, to feed readers too.
    /// </summary>
    private static (string? Address, bool Found)? Other(IQueryCollection query)
    {
        string? Value(string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;
        var feed = Value("feed") is { } format ? (format.Contains("atom", StringComparison.OrdinalIgnoreCase) ? "/feed/atom" : "/feed") : null;

        if (ByNumber.Any(query.ContainsKey))
        {
            return (null, false);
        }

        if (Value("m") is { } month)
        {
            return feed is null && month.Length is 4 or 6 or 8 && month.All(char.IsAsciiDigit)
                ? ("/" + month[..4] + (month.Length > 4 ? "/" + month[4..6] : "") + (month.Length > 6 ? "/" + month[6..8] : ""), true)
                : (null, false);
        }

        foreach (var (key, path) in BySlug)
        {
            if (Value(key) is { Length: > 0 } slug)
            {
                return (path + Uri.EscapeDataString(slug.Trim().ToLowerInvariant()) + feed, true);
            }
        }

        return feed is null ? null : (feed, true);
    }

    private static readonly (string Key, string Path)[] BySlug = [("category_name", "/category/"), ("tag", "/tag/"), ("author_name", "/author/")];

    private static readonly string[] ByNumber = ["cat", "page_id", "attachment_id", "author"];

    /// <summary>
    /// The address of the story that had this post number, if readers may see it now or it was taken down (that address
    /// then says so, 410); a number that is not one finds nothing.
    /// </summary>
    private static async Task<string?> PermalinkOfPostAsync(HttpContext context, string postNumber)
    {
        if (!int.TryParse(postNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var articles = services.GetRequiredService<NewsDb>().Articles.AsNoTracking();
        var story = await articles.PublishedAt(now).Concat(articles.RemovedAt(now))
            .Where(a => a.LegacyPostId == number)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value })
            .FirstOrDefaultAsync(context.RequestAborted);
        var zone = services.GetRequiredService<IOptions<SiteOptions>>().Value.FindTimeZone();
        return story is null ? null : Permalink.For(story.Slug, story.PublishedAt, zone);
    }
}
