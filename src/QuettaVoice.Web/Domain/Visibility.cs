namespace QuettaVoice.Web.Domain;

/// <summary>What a reader may see now: the one home of that rule for every public query.</summary>
public static class Visibility
{
    /// <summary>
    /// Published stories whose time has come. A scheduled story goes live by the clock alone,
    /// so no background job can miss it.
    /// </summary>
    public static IQueryable<Article> PublishedAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a =>
            (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled)
            && a.PublishedAt != null
            && a.PublishedAt <= nowUtc);

    public static IQueryable<Article> Latest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
}
