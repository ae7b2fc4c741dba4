using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin;

/// <summary>The newsroom's morning glance: what is waiting, what is coming, what went out today.</summary>
public sealed class IndexModel(NewsDb db, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public int Drafts { get; private set; }
    public int InReview { get; private set; }
    public int Scheduled { get; private set; }
    public int PublishedToday { get; private set; }
    public int Published { get; private set; }
    public int CommentsWaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = site.Value.FindTimeZone();
        var localMidnight = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        var startOfToday = WallClock.ToUtc(localMidnight, zone);

        Drafts = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Draft, cancellationToken);
        InReview = await db.Articles.CountAsync(a => a.Status == ArticleStatus.InReview, cancellationToken);
        Scheduled = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > now, cancellationToken);
        Published = await db.Articles.PublishedAt(now).CountAsync(cancellationToken);
        CommentsWaiting = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, cancellationToken);
        PublishedToday = await db.Articles.PublishedAt(now).CountAsync(a => a.PublishedAt >= startOfToday, cancellationToken);
    }
}
