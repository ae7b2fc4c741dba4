using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Archives;

[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDb db, ReadCache readCache, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public ArchivePeriod Period { get; private set; } = null!;
    public StoryPage Stories { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int year, [FromRoute] int? month, [FromRoute] int? day, [FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (ArchivePeriod.From(year, month, day) is not { } period)
        {
            return NotFound();
        }

        // One address per page: /2025/7 and /2025/07/page/1 are the old site's /2025/07.
        var canonical = pageNumber is > 1 ? $"{period.Path}/page/{pageNumber}" : period.Path;
        if (!Request.Path.Value!.TrimEnd('/').Equals(canonical, StringComparison.Ordinal))
        {
            return RedirectPermanent(canonical);
        }

        var zone = site.Value.FindTimeZone();
        var now = clock.GetUtcNow().UtcDateTime;
        var inPeriod = period.Within(db.Articles.PublishedAt(now), zone);
        // Like the old site, a period with no stories has no page: the archive lists only what exists.
        if (await StoryPage.LoadAsync(inPeriod, readCache, pageNumber, period.Path, (skip, take) => period.PageAsync(db, now, zone, skip, take, cancellationToken), cancellationToken)
            is not { Stories.Count: > 0 } stories)
        {
            return NotFound();
        }

        (Period, Stories) = (period, stories);
        return Page();
    }
}
