using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Audit;

/// <summary>Who published, unpublished, deleted or changed a role, and when: newest first.</summary>
public sealed class IndexModel(NewsDb db) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await db.Audit.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Shown).ToListAsync(cancellationToken);
}
