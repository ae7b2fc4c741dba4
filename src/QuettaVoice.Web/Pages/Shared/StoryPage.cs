using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>One page of a story list (front page, author, section, tag): a kept count, then the page's ids and their cards.</summary>
public sealed record StoryPage(Pager Pager, IReadOnlyList<StoryCard> Stories)
{
    /// <summary>
    /// The page of the stories <paramref name="counted"/> holds whose cards <paramref name="cards"/> reads (given how many
    /// to skip and to take), or null when the list has no such page (a 404 for the reader); the count is kept under
    /// <paramref name="basePath"/>.
    /// </summary>
    public static Task<StoryPage?> LoadAsync(
        IQueryable<Article> counted, ReadCache readCache, int? pageNumber, string basePath, Func<int, int, Task<List<StoryCard>>> cards, CancellationToken cancellationToken) =>
        PageAsync(readCache.CountAsync(basePath, counted, cancellationToken), pageNumber, basePath, pager => cards(pager.Skip, pager.PageSize));

    /// <summary>A page of <paramref name="list"/> for <paramref name="id"/> (see <see cref="NewestFirst"/>); null when there is no such page.</summary>
    public static Task<StoryPage?> LoadAsync(
        NewsDb db, NewestFirst list, int id, DateTime nowUtc, ReadCache readCache, int? pageNumber, string basePath, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        PageAsync(readCache.CountAsync(basePath, list.Stories(db, nowUtc, id), cancellationToken), pageNumber, basePath,
            pager => list.PageAsync(db, nowUtc, id, zone, pager.Skip, pager.PageSize, cancellationToken));

    private static async Task<StoryPage?> PageAsync(Task<int> count, int? pageNumber, string basePath, Func<Pager, Task<List<StoryCard>>> cards)
    {
        var pager = new Pager(pageNumber ?? 1, await count, basePath);
        return pager.Exists ? new StoryPage(pager, await cards(pager)) : null;
    }
}
