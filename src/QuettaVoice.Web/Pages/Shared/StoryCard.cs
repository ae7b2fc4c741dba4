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
        var rows = await Rows(visibleStories.AsNoTracking().Latest().Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToCard(zone));
    }

    /// <summary>
    /// The newest few cards of each list, in one query (UNION ALL): each part walks its own index from the top
    /// and cuts its teasers itself, so whole story bodies never travel through the union. Newest first overall.
    /// </summary>
    public static async Task<List<StoryCard>> NewestOfEachAsync(
        IEnumerable<IQueryable<Article>> lists, int take, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        IQueryable<Row>? union = null;
        foreach (var list in lists)
        {
            var part = Rows(list.AsNoTracking().Latest().Take(take));
            union = union is null ? part : union.Concat(part);
        }

        if (union is null)
        {
            return [];
        }

        var rows = await union.ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.ToCard(zone)).ToList();
    }

    private static IQueryable<Row> Rows(IQueryable<Article> stories) => stories.Select(a => new Row
    {
        Id = a.Id,
        Headline = a.Headline,
        Slug = a.Slug,
        Standfirst = a.Standfirst,
        BodyStart = a.Body.Substring(0, TeaserSourceLength),
        PublishedAt = a.PublishedAt!.Value,
        Credit = a.Byline ?? a.Author.Name,
        SectionName = a.Section == null ? null : a.Section.Name,
        SectionSlug = a.Section == null ? null : a.Section.Slug,
        ImagePath = a.FeaturedImage.Path,
        ImageAlt = a.FeaturedImage.AltText,
    });

    /// <summary>What the store gives for a card; a class with setters, so EF can join several lists' rows in one query.</summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public required string Headline { get; init; }
        public required string Slug { get; init; }
        public string? Standfirst { get; init; }
        public required string BodyStart { get; init; }
        public DateTime PublishedAt { get; init; }
        public required string Credit { get; init; }
        public string? SectionName { get; init; }
        public string? SectionSlug { get; init; }
        public string? ImagePath { get; init; }
        public string? ImageAlt { get; init; }

        public StoryCard ToCard(TimeZoneInfo zone) => new(
            Headline,
            Permalink.For(Slug, PublishedAt, zone),
            Standfirst ?? StoryRenderer.Teaser(BodyStart),
            PublishedAt,
            Credit,
            SectionName,
            SectionSlug,
            ImagePath,
            ImageAlt);
    }
}
