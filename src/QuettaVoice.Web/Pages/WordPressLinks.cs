using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages;

/// <summary>
/// The old WordPress site's query-string links on the front page, still in old pages, bookmarks and search
/// engines: <c>/?p=123</c> (a post by number) and <c>/?s=words</c> (a search), answered with a 301 to today's address.
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

            await next(context);
        });

    /// <summary>The address of the story that had this post number, if readers may see it now; a number that is not one finds nothing.</summary>
    private static async Task<string?> PermalinkOfPostAsync(HttpContext context, string postNumber)
    {
        if (!int.TryParse(postNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var story = await services.GetRequiredService<NewsDb>().Articles.PublishedAt(now).AsNoTracking()
            .Where(a => a.LegacyPostId == number)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value })
            .FirstOrDefaultAsync(context.RequestAborted);
        var zone = services.GetRequiredService<IOptions<SiteOptions>>().Value.FindTimeZone();
        return story is null ? null : Permalink.For(story.Slug, story.PublishedAt, zone);
    }
}
