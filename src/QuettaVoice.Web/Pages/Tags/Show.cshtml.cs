using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Tags;

[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDb db, ReadCache readCache, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public string Name { get; private set; } = "";
    public StoryPage Stories { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (pageNumber == 1)
        {
            return RedirectPermanent($"/tag/{Uri.EscapeDataString(slug)}");
        }

        var tag = await ListOwner.TagAsync(db, slug, cancellationToken);
        // A tag only stories not yet out carry is not there yet: its name alone could tell of an embargoed story.
        if (tag is null
            || await StoryPage.LoadAsync(db, NewestFirst.Tagged, tag.Id, clock.GetUtcNow().UtcDateTime, readCache, pageNumber, $"/tag/{slug}", site.Value.FindTimeZone(), cancellationToken) is not { Stories.Count: > 0 } stories)
        {
            return NotFound();
        }

        (Name, Stories) = (tag.Name, stories);
        PageMeta.Set(ViewData, PageMeta.ForList(Name, $"Stories tagged {Name} in {site.Value.Name}.", stories.Pager));
        return Page();
    }
}
