using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>A story as lists show it: headline, teaser, credit, section, time.</summary>
public sealed record StoryCard(
    string Headline,
    string Url,
    string? Teaser,
    DateTime PublishedAt,
    string Credit,
    string? SectionName,
    string? SectionSlug,
    string? ImagePath,
    string? ImageAlt)
{
    private const int TeaserSourceLength = 400;

    /// <summary>Reads one page of cards in one query; the teaser is the standfirst, else the start of the body.</summary>
    public static async Task<List<StoryCard>> ListAsync(
        IQueryable<Article> visibleStories, TimeZoneInfo zone, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await visibleStories
            .AsNoTracking()
            .Latest()
            .Skip(skip)
            .Take(take)
            .Select(a => new
            {
                a.Headline,
                a.Slug,
                a.Standfirst,
                BodyStart = a.Body.Substring(0, TeaserSourceLength),
                PublishedAt = a.PublishedAt!.Value,
                Credit = a.Byline ?? a.Author.Name,
                SectionName = a.Section == null ? null : a.Section.Name,
                SectionSlug = a.Section == null ? null : a.Section.Slug,
                a.FeaturedImage.Path,
                a.FeaturedImage.AltText,
            })
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(r => new StoryCard(
            r.Headline,
            Permalink.For(r.Slug, r.PublishedAt, zone),
            r.Standfirst ?? StoryRenderer.Teaser(r.BodyStart),
            r.PublishedAt,
            r.Credit,
            r.SectionName,
            r.SectionSlug,
            r.Path,
            r.AltText));
    }
}
