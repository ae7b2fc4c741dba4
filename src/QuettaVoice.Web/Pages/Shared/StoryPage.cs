using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>One page of a story list (front page, author, section, tag): a kept count, then the page's ids and their cards.</summary>
public sealed record StoryPage(Pager Pager, IReadOnlyList<StoryCard> Stories)
{
    /// <summary>The page, or null when the list has no such page (a 404 for the reader); the count is kept under <paramref name="basePath"/>.</summary>
    public static async Task<StoryPage?> LoadAsync(
        NewsDb db, IQueryable<Domain.Article> visibleStories, ReadCache readCache, int? pageNumber, string basePath, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var pager = new Pager(pageNumber ?? 1, await readCache.CountAsync(basePath, visibleStories, cancellationToken), basePath);
        if (!pager.Exists)
        {
            return null;
        }

        return new StoryPage(pager, await StoryCard.ListAsync(db, visibleStories, zone, pager.Skip, pager.PageSize, cancellationToken));
    }
}
