using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Comments;

/// <summary>The moderation queue: the only page where a commenter's email is shown, and only to moderators.</summary>
public sealed class IndexModel(NewsDb db, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public CommentStatus Tab { get; set; } = CommentStatus.Pending;

    /// <summary>The tab's page, fifty comments to one; kept through an action, so a moderator works through a page.</summary>
    [BindProperty(SupportsGet = true, Name = "paged")]
    public int PageNumber { get; set; } = 1;

    public int TotalPages => AdminPager.PagesFor(Counts.GetValueOrDefault(Tab), PageSize);

    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string StoryHeadline, string StoryUrl, string Name, string Email, string? Website, string Body, DateTime CreatedAt, bool CanUndo);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = (await db.Comments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            // The last comments of the last page moderated away: its page before, rather than nothing.
            return PageNumber > 1 ? RedirectToPage(new { tab = Tab, paged = TotalPages }) : NotFound();
        }
        var zone = site.Value.FindTimeZone();
        var query = db.Comments.AsNoTracking().Where(c => c.Status == Tab);
        // Waiting comments oldest first, so nobody waits longest; the rest newest first.
        query = Tab == CommentStatus.Pending ? query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id) : query.OrderByDescending(c => c.ModeratedAt).ThenByDescending(c => c.Id);
        var rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new
            {
                c.Id, a.Headline, a.Slug, a.PublishedAt, a.CreatedAt, c.AuthorName, c.AuthorEmail, c.AuthorWebsite, c.Body, Created = c.CreatedAt, c.PreviousStatus,
            })
            .ToListAsync(cancellationToken);
        Rows = rows.ConvertAll(r => new Row(
            r.Id, r.Headline, Permalink.For(r.Slug, r.PublishedAt ?? r.CreatedAt, zone), r.AuthorName, r.AuthorEmail, r.AuthorWebsite, r.Body, r.Created, r.PreviousStatus is not null));
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Admin/Comments/Index", new { tab = Tab, paged = number })!;

    /// <summary>One comment (<paramref name="one"/> is "approve:12") or every ticked one (<paramref name="bulk"/> is "spam").</summary>
    public async Task<IActionResult> OnPostAsync(string? one, string? bulk, int[] ids)
    {
        var (action, targets) = one?.Split(':') is [var a, var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var single)
            ? (a, new[] { single })
            : (bulk ?? "", ids);
        if (targets.Length == 0 || action is not ("approve" or "spam" or "trash" or "undo"))
        {
            TempData["StatusMessage"] = "Tick the comments to act on, then choose what to do.";
            return RedirectToPage(new { tab = Tab, paged = PageNumber });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var comments = await db.Comments.Where(c => targets.Contains(c.Id)).ToListAsync();
        foreach (var comment in comments)
        {
            var changed = action switch
            {
                "approve" => Moderate(comment, CommentStatus.Approved, now),
                "spam" => Moderate(comment, CommentStatus.Spam, now),
                "trash" => Moderate(comment, CommentStatus.Trash, now),
                _ => comment.Undo(User.UserId(), now),
            };
            if (changed)
            {
                db.Audit.Add(AuditEntry.Of(User.UserId(), User.DisplayName(), $"{action} comment", $"comment {comment.Id} by {comment.AuthorName}", now));
            }
        }

        await db.SaveChangesAsync();
        // A comment deleted with its story, or an id made up, is not there to moderate: said, rather than "done".
        var gone = targets.Distinct().Count() - comments.Count;
        TempData["StatusMessage"] = (comments.Count, gone) switch
        {
            (0, _) => gone == 1 ? "That comment is no longer here: nothing was done." : "Those comments are no longer here: nothing was done.",
            (1, 0) => $"Done: {action}.",
            (_, 0) => $"Done: {action}, {comments.Count} comments.",
            _ => $"Done: {action}, {comments.Count} {(comments.Count == 1 ? "comment" : "comments")}; {gone} no longer here.",
        };
        return RedirectToPage(new { tab = Tab, paged = PageNumber });
    }

    private bool Moderate(Comment comment, CommentStatus status, DateTime now)
    {
        var before = comment.Status;
        comment.Moderate(status, User.UserId(), now);
        return before != status;
    }
}
