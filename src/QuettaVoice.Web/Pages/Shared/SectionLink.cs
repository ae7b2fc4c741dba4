using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Shared;

public sealed record SectionLink(string Name, string Slug)
{
    public static Task<List<SectionLink>> ListAsync(NewsDb db, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionLink(s.Name, s.Slug))
            .ToListAsync(cancellationToken);
}
