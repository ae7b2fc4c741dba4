using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Feeds;

/// <summary>A story as a feed carries it: the whole text, the credit, and what it is filed under.</summary>
public sealed record FeedStory(
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
    /// <summary>The newest visible stories, their tags included: two queries however many there are.</summary>
    public static Task<List<FeedStory>> LatestAsync(IQueryable<Article> visibleStories, int count, CancellationToken cancellationToken) =>
        visibleStories
            .AsNoTracking()
            .Latest()
            .Take(count)
            .Select(a => new FeedStory(
                a.Headline,
                a.Slug,
                a.Standfirst,
                a.Body,
                a.Dateline,
                a.Byline ?? a.Author.Name,
                a.PublishedAt!.Value,
                a.UpdatedAt,
                a.Section == null ? null : a.Section.Name,
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList()))
            // In one query the tags are a LEFT JOIN of a join, which SQLite copies whole, every story's tags, and
            // scans once per story: a cost that grew with the archive. On their own they are read by the stories' ids.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A scheduled story may have been saved long before it went live; to a reader it changed when it appeared.
    /// </summary>
    public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
