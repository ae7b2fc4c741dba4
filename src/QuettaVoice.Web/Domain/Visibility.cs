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
