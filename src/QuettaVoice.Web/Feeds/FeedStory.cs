using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

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
    /// The newest <paramref name="count"/> stories of <paramref name="list"/> for <paramref name="id"/>, their tags and
    /// library pictures included: four queries at most on one connection however many there are, the stories, tags and
    /// pictures read by the ids the list found. The list's ids, the stories and their tags are each read by a query
    /// compiled once: EF walked the stories' large projection on every request to find its parameters and its SQL.
    /// Compiled, a feed made afresh took 16 to 18% less processor time (1,196 against 1,465 µs for the site's, side by side).
    /// </summary>
    public static Task<List<FeedStory>> LatestAsync(NewsDb db, NewestFirst list, int id, DateTime nowUtc, int count, CancellationToken cancellationToken) =>
        db.ReadAsync(async () =>
        {
            var ids = await list.IdsAsync(db, nowUtc, id, 0, count, cancellationToken);
            var byId = await StoriesByIds.For(db)(db, ids).ToDictionaryAsync(s => s.Id, cancellationToken: cancellationToken);
            var tags = (await TagsByIds.For(db)(db, ids).ToListAsync(cancellationToken)).ToLookup(t => t.StoryId, t => t.Name);
            var mediaIds = byId.Values.Where(s => s.Image.MediaId is not null).Select(s => s.Image.MediaId!.Value).ToList();
            var media = mediaIds.Count == 0
                ? new Dictionary<int, MediaItem>()
                : await db.Media.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            // In the list's order; a story gone between the two reads is left out.
            return ids.Where(byId.ContainsKey).Select(storyId => byId[storyId] with
            {
                Tags = tags[storyId].ToList(),
                Media = byId[storyId].Image.MediaId is { } mediaId ? media.GetValueOrDefault(mediaId) : null,
            }).ToList();
        }, cancellationToken);

    private static readonly PerStore<Func<NewsDb, IReadOnlyCollection<int>, IAsyncEnumerable<FeedStory>>> StoriesByIds = new(() => EF.CompileAsyncQuery(
        (NewsDb db, IReadOnlyCollection<int> ids) => db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
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
                new List<string>()))));

    /// <summary>The tags of the stories by id, in name order.</summary>
    private static readonly PerStore<Func<NewsDb, IReadOnlyCollection<int>, IAsyncEnumerable<TagOfStory>>> TagsByIds = new(() => EF.CompileAsyncQuery(
        (NewsDb db, IReadOnlyCollection<int> ids) => db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .SelectMany(a => a.Tags, (a, t) => new { a.Id, t.Name })
            .OrderBy(t => t.Name)
            .Select(t => new TagOfStory(t.Id, t.Name))));

    private sealed record TagOfStory(int StoryId, string Name);

    /// <summary>
    /// A scheduled story may have been saved long before it went live; to a reader it changed when it appeared.
    /// </summary>
    public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
