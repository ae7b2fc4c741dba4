using System.Linq.Expressions;

namespace QuettaVoice.Web.Domain;

/// <summary>What a reader may see now: the one home of that rule for every public query.</summary>
public static class Visibility
{
    /// <summary>
    /// Published stories whose time has come. A scheduled story goes live by the clock alone,
    /// so no background job can miss it.
    /// </summary>
    public static IQueryable<Article> PublishedAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(Inlined.Bind(IsPublishedAt, () => nowUtc));

    /// <summary>The rule of <see cref="PublishedAt"/> itself, which queries compiled once carry through <see cref="Inlined"/>.</summary>
    public static readonly Expression<Func<Article, DateTime, bool>> IsPublishedAt = (a, nowUtc) =>
        (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled)
        && a.PublishedAt != null
        && a.PublishedAt <= nowUtc;

    private static readonly Func<Article, DateTime, bool> IsPublishedAtInMemory = IsPublishedAt.Compile();

    /// <summary>The same rule for a story already loaded: whether readers may see it now.</summary>
    public static bool IsOutAt(this Article article, DateTime nowUtc) => IsPublishedAtInMemory(article, nowUtc);

    /// <summary>
    /// A story's state as the newsroom should be told it now: a scheduled story whose time has come is published,
    /// though nothing was saved when it went live.
    /// </summary>
    public static ArticleStatus StatusAt(ArticleStatus stored, DateTime? publishedAt, DateTime nowUtc) =>
        stored == ArticleStatus.Scheduled && publishedAt <= nowUtc ? ArticleStatus.Published : stored;

    /// <summary>
    /// The stories the newsroom is told are in <paramref name="status"/> now (see <see cref="StatusAt"/>). A scheduled
    /// story is marked published in the store when its time comes (<c>ScheduledEviction</c>) or when it leaves the bin
    /// after it, so published ones are found by their status alone: a condition on every published story's time kept SQLite from walking the newest
    /// changes by the status index, and it sorted every published story for a page of 25.
    /// </summary>
    public static IQueryable<Article> WithStatusAt(this IQueryable<Article> articles, ArticleStatus status, DateTime nowUtc) => status switch
    {
        ArticleStatus.Scheduled => articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > nowUtc),
        _ => articles.Where(a => a.Status == status),
    };

    /// <summary>
    /// Stories readers could see until the newsroom put them in the bin: their addresses answer "removed" (410). One
    /// binned before its time, or unpublished first, is not among them: it never was, or no longer was, public.
    /// </summary>
    public static IQueryable<Article> RemovedAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Trashed && a.StatusBeforeTrash == ArticleStatus.Published && a.PublishedAt <= nowUtc);

    /// <summary>
    /// Every story <see cref="PublishedAt"/> leaves out, and no other: drafts, stories in review or the bin, and
    /// published or scheduled ones without a time or whose time has not come. Hidden stories are few, and each
    /// part is written to be found through the status index: a search takes its visible matches as all of them
    /// but these, where checking every match against the rule walked every visible story.
    /// </summary>
    public static IQueryable<Article> HiddenAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a =>
            a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.InReview || a.Status == ArticleStatus.Trashed
            || ((a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt == null)
            || ((a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt > nowUtc));

    public static IQueryable<Article> Latest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
}
