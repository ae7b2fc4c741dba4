using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
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

    /// <summary>
    /// The ids of the newest few stories of each list, in one query: the lists in a UNION ALL, each part walking its
    /// own index from the top. Parts that read only ids keep the statement small: SQLite prepares it every time it
    /// runs, and when each part read its cards, with their joins, preparing it took as long as running it.
    /// </summary>
    public static async Task<IReadOnlyList<int>> NewestOfEachAsync(IEnumerable<IQueryable<Article>> lists, int take, CancellationToken cancellationToken)
    {
        IQueryable<int>? newest = null;
        foreach (var list in lists)
        {
            var part = list.Latest().Take(take).Select(a => a.Id);
            newest = newest is null ? part : newest.Concat(part);
        }

        return newest is null ? [] : await newest.ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The cards of the stories <paramref name="ids"/> names, newest first, read from all stories since a list
    /// chose them: filtering them again let SQLite walk the whole archive for them (11 ms at 100,000 stories,
    /// against 0.3). The teaser is the standfirst, else the start of the body.
    /// </summary>
    public static async Task<List<StoryCard>> ByIdsAsync(
        NewsDb db, IReadOnlyCollection<int> ids, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await RowsByIds.For(db)(db, ids).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.ToCard(zone)).ToList();
    }

    /// <summary>
    /// The rows of cards by id, in a query compiled once: otherwise EF walked the cards' projection on every
    /// request to find its parameters and its SQL, about 9% of the front page's processor time.
    /// </summary>
    private static readonly PerStore<Func<NewsDb, IReadOnlyCollection<int>, IAsyncEnumerable<Row>>> RowsByIds = new(() => EF.CompileAsyncQuery(
        (NewsDb db, IReadOnlyCollection<int> ids) => db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new Row
        {
            Id = a.Id,
            Headline = a.Headline,
            Slug = a.Slug,
            Standfirst = a.Standfirst,
            // One character more than the teaser reads, to tell a text cut short from one that ends there.
            BodyStart = a.Body.Substring(0, TeaserSourceLength + 1),
            PublishedAt = a.PublishedAt!.Value,
            Credit = a.Byline ?? a.Author.Name,
            SectionName = a.Section == null ? null : a.Section.Name,
            SectionSlug = a.Section == null ? null : a.Section.Slug,
            ImagePath = a.FeaturedImage.Path,
            ImageAlt = a.FeaturedImage.AltText,
        })));

    /// <summary>What the store gives for a card.</summary>
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
            // Cut when the store gave the character more than the teaser reads; it is in the last word, which a
            // teaser of a text's start leaves out. (A text of 400 characters with an emoji, two UTF-16 units, is taken
            // as cut too: its teaser is the same, since the first paragraph either ends before or is cut at 200.)
            Standfirst ?? StoryRenderer.Teaser(BodyStart, isStartOfLonger: BodyStart.Length > TeaserSourceLength),
            PublishedAt,
            Credit,
            SectionName,
            SectionSlug,
            ImagePath,
            ImageAlt);
    }
}
