namespace QuettaVoice.Web.Domain;

/// <summary>A story's words as one save left them, so any earlier version can be compared or brought back.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public required string SavedByName { get; set; }

    public required string Headline { get; set; }
    public string? Standfirst { get; set; }
    public required string Body { get; set; }
    public string? Byline { get; set; }
    public string? Dateline { get; set; }

    public static ArticleRevision Of(Article article, string? userId, string userName, DateTime nowUtc) => new()
    {
        ArticleId = article.Id,
        SavedAt = nowUtc,
        SavedById = userId,
        SavedByName = userName,
        Headline = article.Headline,
        Standfirst = article.Standfirst,
        Body = article.Body,
        Byline = article.Byline,
        Dateline = article.Dateline,
    };

    public void CopyTo(Article article)
    {
        article.Headline = Headline;
        article.Standfirst = Standfirst;
        article.Body = Body;
        article.Byline = Byline;
        article.Dateline = Dateline;
    }
}
