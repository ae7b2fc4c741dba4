using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages;

/// <summary>
/// The old addresses of tag and author pages (see <see cref="PageRedirect"/>): a request that finds no page there is
/// sent on to where the page lives now, whatever follows the address (<c>/page/2</c>, <c>/feed/atom</c>). A tag or
/// author at the address wins, its page out or not: a tag made again under a merged tag's name is that tag's.
/// </summary>
public static class PageRedirects
{
    private const string TagPages = "/tag/";
    private static readonly string[] Kinds = [TagPages, "/author/"];

    public static IApplicationBuilder UsePageRedirects(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && PageOf(context.Request.Path.Value ?? "") is { } page
                ? AnswerAsync(context, next, page)
                : next(context));

    /// <summary>The tag's or author's page; when there is none there, where it went, if it went somewhere.</summary>
    private static async Task AnswerAsync(HttpContext context, RequestDelegate next, (string Kind, string Slug, string After) page)
    {
        await next(context);
        var request = context.Request;
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted)
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<NewsDb>();
        var newPath = await db.PageRedirects.AsNoTracking()
            .Where(r => r.OldPath == page.Kind + page.Slug)
            .Select(r => r.NewPath)
            .FirstOrDefaultAsync(context.RequestAborted);
        // A tag or author there again, its page not out yet (its one story embargoed), is not another's old address.
        if (newPath is null || await (page.Kind == TagPages
                ? db.Tags.AnyAsync(t => t.Slug == page.Slug, context.RequestAborted)
                : db.Authors.AnyAsync(a => a.Slug == page.Slug, context.RequestAborted)))
        {
            return;
        }

        context.Response.Clear();
        context.Response.Redirect(new PathString(newPath + page.After).ToUriComponent() + request.QueryString, permanent: true);
    }

    /// <summary>
    /// The page at <paramref name="oldPath"/> is at <paramref name="newPath"/> from this save on, with every address
    /// that led to the old one; an address that is a page again stops leading elsewhere. Added to the save's changes.
    /// </summary>
    public static async Task MoveAsync(NewsDb db, string oldPath, string newPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (oldPath == newPath)
        {
            return;
        }

        var touched = await db.PageRedirects
            .Where(r => r.OldPath == oldPath || r.OldPath == newPath || r.NewPath == oldPath)
            .ToListAsync(cancellationToken);
        foreach (var redirect in touched)
        {
            if (redirect.OldPath == newPath)
            {
                db.PageRedirects.Remove(redirect);
            }
            else
            {
                redirect.NewPath = newPath;
            }
        }

        if (!touched.Exists(r => r.OldPath == oldPath))
        {
            db.PageRedirects.Add(new PageRedirect { OldPath = oldPath, NewPath = newPath });
        }
    }

    /// <summary>The tag or author page a path is at or under (<c>/tag/</c> and <c>x</c>), and what follows it; none for other paths.</summary>
    private static (string Kind, string Slug, string After)? PageOf(string path)
    {
        var kind = Array.Find(Kinds, k => path.StartsWith(k, StringComparison.Ordinal));
        if (kind is null || path.Length == kind.Length)
        {
            return null;
        }

        var end = path.IndexOf('/', kind.Length);
        return end < 0 ? (kind, path[kind.Length..], "") : (kind, path[kind.Length..end], path[end..]);
    }
}
