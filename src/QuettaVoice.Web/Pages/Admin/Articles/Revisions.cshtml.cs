using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Articles;

/// <summary>Every saved version of a story: list them, compare two, bring one back.</summary>
public sealed class RevisionsModel(NewsDb db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public string Headline { get; private set; } = "";
    public IReadOnlyList<ArticleRevision> All { get; private set; } = [];
    public ArticleRevision? Before { get; private set; }
    public ArticleRevision? After { get; private set; }
    public IReadOnlyList<ParagraphDiff.Line> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b)
    {
        if (await LoadAsync(id) is not { } article)
        {
            return NotFound();
        }

        if (!await MayEditAsync(article))
        {
            return Forbid();
        }

        if (a is not null && b is not null)
        {
            Before = All.FirstOrDefault(r => r.Id == a);
            After = All.FirstOrDefault(r => r.Id == b);
            if (Before is null || After is null)
            {
                return NotFound();
            }

            if (Before.SavedAt > After.SavedAt)
            {
                (Before, After) = (After, Before);
            }

            Changes = ParagraphDiff.Compare(Before.Body, After.Body);
        }

        return Page();
    }

    /// <summary>Restoring is itself a save: the story takes the old words and a new revision records that it did.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision)
    {
        if (await LoadAsync(id) is not { } article)
        {
            return NotFound();
        }

        if (!await MayEditAsync(article))
        {
            return Forbid();
        }

        if (All.FirstOrDefault(r => r.Id == revision) is not { } old)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        old.CopyTo(article);
        article.UpdatedAt = now;
        article.Version++;
        article.Revisions.Add(ArticleRevision.Of(article, User.UserId(), User.DisplayName(), now));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"Restored the version saved by {old.SavedByName}.";
        return Redirect(EditModel.UrlFor(id));
    }

    private async Task<Article?> LoadAsync(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(x => x.Id == id);
        if (article is not null)
        {
            Id = id;
            Headline = article.Headline;
            All = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id)
                .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync();
        }

        return article;
    }

    private Task<bool> MayEditAsync(Article article) => authorization.MayEditAsync(User, article);
}
