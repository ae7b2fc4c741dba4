using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Articles;

public sealed class ShowModel(NewsDb db, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    private const int MoreFromSectionCount = 4;

    public StoryView Story { get; private set; } = null!;
    public IReadOnlyList<StoryCard> MoreFromSection { get; private set; } = [];

    /// <summary>The story's picture from the media library, with its copies; null when it has none there.</summary>
    public FeaturedPicture? Picture { get; private set; }

    /// <summary>The story's alt text wins; the library's is the fallback; an empty alt is honest when neither says.</summary>
    public sealed record FeaturedPicture(ResponsiveImage Image, string AltText);

    public sealed record StoryView(
        int Id,
        string Headline,
        string? Standfirst,
        string Body,
        string? Dateline,
        string Credit,
        DateTime PublishedAt,
        DateTime UpdatedAt,
        string AuthorName,
        string AuthorSlug,
        string? AuthorBio,
        string? SectionName,
        string? SectionSlug,
        FeaturedImage Image,
        IReadOnlyList<SectionLink> Tags);

    public async Task<IActionResult> OnGetAsync(int year, int month, int day, string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = db.Articles.PublishedAt(now);
        var story = await visible.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new StoryView(
                a.Id,
                a.Headline,
                a.Standfirst,
                a.Body,
                a.Dateline,
                a.Byline ?? a.Author.Name,
                a.PublishedAt!.Value,
                a.UpdatedAt,
                a.Author.Name,
                a.Author.Slug,
                a.Author.Bio,
                a.Section == null ? null : a.Section.Name,
                a.Section == null ? null : a.Section.Slug,
                a.FeaturedImage,
                a.Tags.OrderBy(t => t.Name).Select(t => new SectionLink(t.Name, t.Slug)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return await MovedAsync(year, month, day, slug, visible, cancellationToken) is { } moved ? RedirectPermanent(moved) : NotFound();
        }

        // An old link with the right slug but another date still finds the story, at its one true address.
        var zone = site.Value.FindTimeZone();
        var permalink = Permalink.For(slug, story.PublishedAt, zone);
        if (!Request.Path.Value!.TrimEnd('/').Equals(permalink, StringComparison.Ordinal))
        {
            return RedirectPermanent(permalink);
        }

        Story = story;
        if (story.Image.MediaId is { } mediaId
            && await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken) is { } media)
        {
            Picture = new FeaturedPicture(ResponsiveImage.For(media), story.Image.AltText ?? media.AltText ?? "");
        }

        if (story.SectionSlug is not null)
        {
            var sameSection = visible.Where(a => a.Section!.Slug == story.SectionSlug && a.Id != story.Id);
            MoreFromSection = await StoryCard.ListAsync(sameSection, zone, 0, MoreFromSectionCount, cancellationToken);
        }

        return Page();
    }

    /// <summary>The story's present address, when this one is an address it had before its slug or date changed.</summary>
    private async Task<string?> MovedAsync(int year, int month, int day, string slug, IQueryable<Article> visible, CancellationToken cancellationToken)
    {
        var oldPath = string.Create(CultureInfo.InvariantCulture, $"/{year:D4}/{month:D2}/{day:D2}/{slug}");
        var moved = await db.Redirects.AsNoTracking()
            .Where(r => r.OldPath == oldPath)
            .Join(visible, r => r.ArticleId, a => a.Id, (r, a) => new { a.Slug, a.PublishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return moved is null ? null : Permalink.For(moved.Slug, moved.PublishedAt!.Value, site.Value.FindTimeZone());
    }
}
