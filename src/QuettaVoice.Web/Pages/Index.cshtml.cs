using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages;

[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class IndexModel(NewsDb db, ReadCache readCache, SectionList sections, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    private const int StoriesPerSection = 4;

    public StoryCard? Lead { get; private set; }
    public IReadOnlyList<StoryCard> Latest { get; private set; } = [];
    public IReadOnlyList<SectionBlock> SectionBlocks { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public sealed record SectionBlock(string Name, string Slug, IReadOnlyList<StoryCard> Stories);

    public async Task<IActionResult> OnGetAsync([FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (pageNumber == 1)
        {
            return RedirectPermanent("/");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = site.Value.FindTimeZone();
        if (await StoryPage.LoadAsync(db, NewestFirst.Everything, 0, now, readCache, pageNumber, basePath: "", zone, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Pager = page.Pager;
        var stories = page.Stories;
        var options = site.Value;
        if (Pager.Number > 1)
        {
            PageMeta.Set(ViewData, PageMeta.ForList("Latest stories", $"The latest stories from {options.Name}.", Pager));
            Latest = stories;
            return Page();
        }

        // The front page alone says who publishes the site and how to search it.
        PageMeta.Set(ViewData, new PageMeta { StructuredData = [JsonLd.Publisher(options), JsonLd.WebSite(options)] });

        Lead = stories.Count > 0 ? stories[0] : null;
        Latest = stories.Skip(1).ToList();
        SectionBlocks = await SectionBlocksAsync(db.Articles.PublishedAt(now), zone, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The newest stories of each section that has any, kept between requests under the sections they were read for:
    /// they change only when a story, an author or a section is saved, which clears them, and reading their cards,
    /// about 48 of them, was the largest part of a front page made afresh.
    /// </summary>
    private async Task<IReadOnlyList<SectionBlock>> SectionBlocksAsync(IQueryable<Article> visible, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var sectionList = await sections.ListAsync(db, cancellationToken);
        var stories = await readCache.GetOrReadAsync(
            $"newest of sections {string.Join(',', sectionList.Select(section => section.Id))}",
            async () => await StoryCard.ByIdsAsync(
                db,
                await StoryCard.NewestOfEachAsync(sectionList.Select(section => visible.Where(a => a.SectionId == section.Id)), StoriesPerSection, cancellationToken),
                zone,
                cancellationToken));
        return sectionList
            .Select(section => new SectionBlock(section.Name, section.Slug, stories.Where(s => s.SectionSlug == section.Slug).ToList()))
            .Where(block => block.Stories.Count > 0)
            .ToList();
    }
}
