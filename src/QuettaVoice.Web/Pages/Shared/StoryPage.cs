using Microsoft.EntityFrameworkCore;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>One page of a story list (front page, author, section, tag): two queries, a count and the page.</summary>
public sealed record StoryPage(Pager Pager, IReadOnlyList<StoryCard> Stories)
{
    /// <summary>The page, or null when the list has no such page (a 404 for the reader).</summary>
    public static async Task<StoryPage?> LoadAsync(
        IQueryable<Domain.Article> visibleStories, int? pageNumber, string basePath, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var pager = new Pager(pageNumber ?? 1, await visibleStories.CountAsync(cancellationToken), basePath);
        if (!pager.Exists)
        {
            return null;
        }

        return new StoryPage(pager, await StoryCard.ListAsync(visibleStories, zone, pager.Skip, pager.PageSize, cancellationToken));
    }
}
