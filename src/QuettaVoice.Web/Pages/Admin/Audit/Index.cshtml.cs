using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Audit;

/// <summary>Who published, unpublished, deleted or changed a role, and when: newest first, a hundred to a page.</summary>
public sealed class IndexModel(NewsDb db) : PageModel
{
    private const int PageSize = 100;

    // Not "page": Razor Pages keeps that name for the page itself.
    [BindProperty(SupportsGet = true, Name = "paged")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int TotalPages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        TotalPages = AdminPager.PagesFor(await db.Audit.CountAsync(cancellationToken), PageSize);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            return NotFound();
        }

        Entries = await db.Audit.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Admin/Audit/Index", new { paged = number })!;
}
