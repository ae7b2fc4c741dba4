using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Admin.Authors;

public sealed class IndexModel(NewsDb db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string Name, string Slug, int Stories, string? Account);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.Authors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new Row(a.Id, a.Name, a.Slug, a.Articles.Count, db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
