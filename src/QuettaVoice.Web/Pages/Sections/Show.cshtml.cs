using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Sections;

[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDb db, ReadCache readCache, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public StoryPage Stories { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (pageNumber == 1)
        {
            return RedirectPermanent($"/category/{Uri.EscapeDataString(slug)}");
        }

        var section = await ListOwner.SectionAsync(db, slug, cancellationToken);
        if (section is null
            || await StoryPage.LoadAsync(db, NewestFirst.OfSection, section.Id, clock.GetUtcNow().UtcDateTime, readCache, pageNumber, $"/category/{slug}", site.Value.FindTimeZone(), cancellationToken) is not { } stories)
        {
            return NotFound();
        }

        (Name, Description, Stories) = (section.Name, section.Description, stories);
        PageMeta.Set(ViewData, PageMeta.ForList(Name, Description ?? $"{Name}: the latest stories from {site.Value.Name}.", stories.Pager));
        return Page();
    }
}
