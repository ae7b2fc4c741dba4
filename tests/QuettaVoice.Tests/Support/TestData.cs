using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Support;

/// <summary>Small factories with sensible defaults: a test names only what it is about.</summary>
public static class TestData
{
    private static int counter;

    public static Author Author(string name = "Shahzada Zulfiqar", string? bio = "Reports on Balochistan's schools.") =>
        new() { Name = name, Slug = Slug.From(name), Bio = bio };

    public static Section Section(string name = "Education", int position = 0) =>
        new() { Name = name, Slug = Slug.From(name), Position = position };

    public static Tag Tag(string name = "Out-of-school children") => new() { Name = name, Slug = Slug.From(name) };

    public static Article Article(
        Author author,
        string? headline = null,
        string body = "Enrolment in Quetta's government schools rose this year.",
        ArticleStatus status = ArticleStatus.Published,
        DateTimeOffset? publishedAt = null,
        Section? section = null,
        string? dateline = null,
        string? byline = null,
        string? standfirst = null)
    {
        headline ??= $"Story number {Interlocked.Increment(ref counter)}";
        var published = (publishedAt ?? TestApp.Start.AddHours(-1)).UtcDateTime;
        return new Article
        {
            Headline = headline,
            Slug = Slug.From(headline),
            Body = body,
            Author = author,
            Section = section,
            Dateline = dateline,
            Byline = byline,
            Standfirst = standfirst,
            Status = status,
            PublishedAt = status == ArticleStatus.Draft ? null : published,
            CreatedAt = published,
            UpdatedAt = published,
        };
    }

    public static Comment Comment(
        int articleId, CommentStatus status, string body = "A first comment.", string name = "Bibi Gul", string email = "bibi@example.pk", string? ipHash = null) =>
        new()
        {
            ArticleId = articleId,
            AuthorName = name,
            AuthorEmail = email,
            Body = body,
            CreatedAt = TestApp.Start.UtcDateTime.AddMinutes(-5),
            Status = status,
            IpHash = ipHash,
        };
}
