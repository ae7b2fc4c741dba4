using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Feeds;

/// <summary>A story as a feed carries it: the whole text, the credit, and what it is filed under.</summary>
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
    IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The newest visible stories, their tags included: two queries on one connection however many there are, the
    /// tags read by the stories' ids. As a split query, the tags' statement repeated the search for the newest
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
                        new List<string>()))
                .ToListAsync(cancellationToken);
            var ids = stories.ConvertAll(s => s.Id);
            var tags = (await db.Articles.AsNoTracking()
                    .Where(a => ids.Contains(a.Id))
                    .SelectMany(a => a.Tags, (a, t) => new { a.Id, t.Name })
                    .OrderBy(t => t.Name)
                    .ToListAsync(cancellationToken))
                .ToLookup(t => t.Id, t => t.Name);
            return stories.ConvertAll(s => s with { Tags = tags[s.Id].ToList() });
        }, cancellationToken);

    /// <summary>
    /// A scheduled story may have been saved long before it went live; to a reader it changed when it appeared.
    /// </summary>
    public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
