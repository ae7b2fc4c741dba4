using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Articles;

/// <summary>
/// One page of a story's conversation: approved comments and the reader's own waiting ones, each reply after
/// what it answers, <see cref="ThreadsPerPage"/> threads to a page, at addresses shaped as the old site's
/// (<c>/comment-page-2</c>). The old site's comments were not carried over, so no old link named one of these.
/// Two queries whatever the number of comments: the outline of ids, then the page's comments. The outline
/// readers share (everyone's but a reader with a comment waiting) is kept between requests under the story's
/// cache tag, which moderation evicts: reading it took about a fifth of the story page's processor time.
/// </summary>
public sealed record Discussion(IReadOnlyList<ShowModel.CommentView> Comments, int ApprovedCount, int Page, int PageCount, int ThreadCount)
{
    // Twenty, not the old site's fifty: the story is what a reader on a slow phone came for, and a page of fifty
    // long threads alone weighed more compressed than the whole page's budget.
    public const int ThreadsPerPage = 20;

    /// <summary>A comment's place in the conversation.</summary>
    private readonly record struct Place(int Id, int? ParentId, bool Waiting);

    /// <summary>The old site's address of a page of comments: the story's own address for the first.</summary>
    public static string PageUrl(string permalink, int page) => page <= 1 ? permalink : $"{permalink}/comment-page-{page}";

    /// <summary>The page a new thread lands on: the last, or the one after it when the last is full.</summary>
    public int PageOfNextThread => ThreadCount / ThreadsPerPage + 1;

    /// <summary>The page, or null when the story has no such page of comments.</summary>
    public static async Task<Discussion?> LoadAsync(NewsDb db, ReadCache readCache, int articleId, IReadOnlyList<int> mine, int page, CancellationToken cancellationToken)
    {
        var visible = db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId
                && (c.Status == CommentStatus.Approved || (c.Status == CommentStatus.Pending && mine.Contains(c.Id))));
        var read = () => visible
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Place(c.Id, c.ParentId, c.Status == CommentStatus.Pending))
            .ToArrayAsync(cancellationToken);
        var outline = mine.Count == 0 ? await readCache.GetOrReadAsync(CacheTags.Story(articleId), read) : await read();

        var shown = outline.Select(c => c.Id).ToHashSet();
        var repliesTo = outline.Where(c => c.ParentId is { } p && shown.Contains(p)).ToLookup(c => c.ParentId, c => c.Id);
        // A reply whose comment is not shown stands on its own rather than vanishing.
        var threads = outline.Where(c => c.ParentId is not { } p || !shown.Contains(p)).Select(c => c.Id).ToList();
        var pageCount = Math.Max(1, (threads.Count + ThreadsPerPage - 1) / ThreadsPerPage);
        if (page < 1 || page > pageCount)
        {
            return null;
        }

        var ordered = new List<int>();
        void Add(int id)
        {
            ordered.Add(id);
            foreach (var reply in repliesTo[id])
            {
                Add(reply);
            }
        }

        foreach (var thread in threads.Skip((page - 1) * ThreadsPerPage).Take(ThreadsPerPage))
        {
            Add(thread);
        }

        // Read through the same rule as the outline, which may have been kept: a comment moderated since then is left out.
        var comments = await visible
            .Where(c => ordered.Contains(c.Id))
            .Select(c => new ShowModel.CommentView(c.Id, c.ParentId, c.Depth, c.AuthorName, c.AuthorWebsite, c.Body, c.CreatedAt, c.Status == CommentStatus.Pending))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return new Discussion(ordered.Where(comments.ContainsKey).Select(id => comments[id]).ToList(), outline.Count(c => !c.Waiting), page, pageCount, threads.Count);
    }
}
