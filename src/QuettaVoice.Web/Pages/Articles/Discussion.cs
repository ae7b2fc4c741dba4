using System.Linq.Expressions;
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

    /// <summary>
    /// The conversation's shape, made from its places once and kept with them: every request for a page of it
    /// made the same sets and lists again, a third of what the page of comments allocated.
    /// </summary>
    private sealed record Outline(IReadOnlyList<int> Threads, ILookup<int?, int> RepliesTo, int ApprovedCount)
    {
        public static Outline Of(Place[] places)
        {
            var shown = places.Select(c => c.Id).ToHashSet();
            return new Outline(
                // A reply whose comment is not shown stands on its own rather than vanishing.
                places.Where(c => c.ParentId is not { } p || !shown.Contains(p)).Select(c => c.Id).ToList(),
                places.Where(c => c.ParentId is { } p && shown.Contains(p)).ToLookup(c => c.ParentId, c => c.Id),
                places.Count(c => !c.Waiting));
        }
    }

    /// <summary>Which comments of a story a reader sees: the approved ones, and their own still waiting.</summary>
    private static readonly Expression<Func<Comment, int, List<int>, bool>> Shown = (c, articleId, mine) =>
        c.ArticleId == articleId && (c.Status == CommentStatus.Approved || (c.Status == CommentStatus.Pending && mine.Contains(c.Id)));

    // Both reads are compiled once: otherwise EF walked them on every request to find their parameters and their
    // SQL, a tenth of the story page's processor time.
    private static readonly PerStore<Func<NewsDb, int, List<int>, IAsyncEnumerable<Place>>> OutlineOf = new(() => EF.CompileAsyncQuery(Inlined.Expand(
        (NewsDb db, int articleId, List<int> mine) => db.Comments.AsNoTracking()
            .Where(c => Shown.Invoke(c, articleId, mine))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Place(c.Id, c.ParentId, c.Status == CommentStatus.Pending)))));

    private static readonly PerStore<Func<NewsDb, int, List<int>, List<int>, IAsyncEnumerable<ShowModel.CommentView>>> CommentsOf = new(() => EF.CompileAsyncQuery(Inlined.Expand(
        (NewsDb db, int articleId, List<int> mine, List<int> ids) => db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && Shown.Invoke(c, articleId, mine))
            .Select(c => new ShowModel.CommentView(c.Id, c.ParentId, c.Depth, c.AuthorName, c.AuthorWebsite, c.Body, c.CreatedAt, c.Status == CommentStatus.Pending)))));

    /// <summary>The old site's address of a page of comments: the story's own address for the first.</summary>
    public static string PageUrl(string permalink, int page) => page <= 1 ? permalink : $"{permalink}/comment-page-{page}";

    /// <summary>The page a new thread lands on: the last, or the one after it when the last is full.</summary>
    public int PageOfNextThread => ThreadCount / ThreadsPerPage + 1;

    /// <summary>The page, or null when the story has no such page of comments.</summary>
    public static async Task<Discussion?> LoadAsync(NewsDb db, ReadCache readCache, int articleId, IReadOnlyList<int> mine, int page, CancellationToken cancellationToken)
    {
        var mineList = mine.ToList();
        var read = async () => Outline.Of(await OutlineOf.For(db)(db, articleId, mineList).ToArrayAsync(cancellationToken));
        var outline = mine.Count == 0 ? await readCache.GetOrReadAsync(CacheTags.Story(articleId), read) : await read();
        var threads = outline.Threads;
        var pageCount = Math.Max(1, (threads.Count + ThreadsPerPage - 1) / ThreadsPerPage);
        if (page < 1 || page > pageCount)
        {
            return null;
        }

        var ordered = new List<int>();
        var levels = new Dictionary<int, int>();
        void Add(int id, int level)
        {
            ordered.Add(id);
            levels[id] = level;
            foreach (var reply in outline.RepliesTo[id])
            {
                Add(reply, level + 1);
            }
        }

        foreach (var thread in threads.Skip((page - 1) * ThreadsPerPage).Take(ThreadsPerPage))
        {
            Add(thread, 1);
        }

        // Read through the rule again, since the outline may have been kept: a comment moderated since is left out.
        // A reply is shown under what it answers, at its place there: one whose comment is no longer shown stands
        // on its own, not indented under whatever comment comes before it.
        var comments = await CommentsOf.For(db)(db, articleId, mineList, ordered).ToDictionaryAsync(c => c.Id, cancellationToken: cancellationToken);
        var shown = ordered.Where(comments.ContainsKey).Select(id => comments[id]).Select(c =>
            c.ParentId is { } parent && comments.TryGetValue(parent, out var answered) ? c with { Level = levels[c.Id], InReplyTo = answered.Name } : c).ToList();
        return new Discussion(shown, outline.ApprovedCount, page, pageCount, threads.Count);
    }
}
