using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Feeds;

/// <summary>A story as a feed carries it: the whole text, the credit, what it is filed under, and its picture (<see cref="Media"/> when that is the library's).</summary>
public sealed record FeedStory(
    int Id,
    string Headline,
    string Slug,
    string? Standfirst,
    string Body,
    string? Dateline,
    string Credit,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string? SectionName,
    FeaturedImage Image,
    IReadOnlyList<string> Tags)
{
    public MediaItem? Media { get; init; }

    /// <summary>
    /// The newest visible stories, their tags and library pictures included: three queries on one connection however
    /// many there are, the tags and pictures read by the stories' ids. As a split query, the tags' statement repeated the search for the newest
    /// stories inside a join, which SQLite planned afresh on every request.
    /// </summary>
    public static Task<List<FeedStory>> LatestAsync(NewsDb db, IQueryable<Article> visibleStories, int count, CancellationToken cancellationToken) =>
        db.ReadAsync(async () =>
        {
            var stories = await visibleStories
                .AsNoTracking()
                .Latest()
                .Take(count)
                .Select(a => new FeedStory(
                        a.Id,
                        a.Headline,
                        a.Slug,
                        a.Standfirst,
                        a.Body,
                        a.Dateline,
                        a.Byline ?? a.Author.Name,
                        a.PublishedAt!.Value,
                        a.UpdatedAt,
                        a.Section == null ? null : a.Section.Name,
                        a.FeaturedImage,
                        new List<string>()))
                .ToListAsync(cancellationToken);
            var ids = stories.ConvertAll(s => s.Id);
            var tags = (await db.Articles.AsNoTracking()
                    .Where(a => ids.Contains(a.Id))
                    .SelectMany(a => a.Tags, (a, t) => new { a.Id, t.Name })
                    .OrderBy(t => t.Name)
                    .ToListAsync(cancellationToken))
                .ToLookup(t => t.Id, t => t.Name);
            var mediaIds = stories.Where(s => s.Image.MediaId is not null).Select(s => s.Image.MediaId!.Value).ToList();
            var media = mediaIds.Count == 0
                ? new Dictionary<int, MediaItem>()
                : await db.Media.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            return stories.ConvertAll(s => s with
            {
                Tags = tags[s.Id].ToList(),
                Media = s.Image.MediaId is { } id ? media.GetValueOrDefault(id) : null,
            });
        }, cancellationToken);

    /// <summary>
    /// A scheduled story may have been saved long before it went live; to a reader it changed when it appeared.
    /// </summary>
    public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
