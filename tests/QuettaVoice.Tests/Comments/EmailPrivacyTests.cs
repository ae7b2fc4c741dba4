using System.Net;
using System.Security.Cryptography;
using System.Text;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Comments;

/// <summary>
/// "Your email address will not be published": crawl every public page a reader can reach, with approved,
/// pending, spam and trashed comments in the store, and look for each commenter's email in any spelling.
/// </summary>
public sealed class EmailPrivacyTests() : SiteTest(seed: true)
{
    private static readonly string[] Emails = ["approved.reader@example.pk", "Pending.Reader@Example.PK", "spam.bot@example.com", "trashed.reader@example.org"];

    private const int MaxPages = 200;

    public override async Task InitializeAsync()
    {
        var storyId = await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens", section: db.Sections.First());
            story.Tags.Add(TestData.Tag("Water"));
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        await App.WithDbAsync(db =>
        {
            var statuses = new[] { CommentStatus.Approved, CommentStatus.Pending, CommentStatus.Spam, CommentStatus.Trash };
            for (var i = 0; i < Emails.Length; i++)
            {
                db.Comments.Add(new Comment
                {
                    ArticleId = storyId, AuthorName = $"Reader {i}", AuthorEmail = Emails[i], AuthorWebsite = "https://reader.example.pk",
                    Body = $"Comment {i}, see https://example.pk/{i}", Status = statuses[i], CreatedAt = TestApp.Start.UtcDateTime,
                });
            }

            return db.SaveChangesAsync();
        });
    }

    /// <summary>Every way an email could leak that a search of the bytes can find.</summary>
    // CA5350/CA5351: MD5 and SHA-1 are computed only to search for them, as Gravatar-style leaks of the email.
#pragma warning disable CA5350, CA5351
    private static IEnumerable<(string Form, string Text)> Spellings(string email)
    {
        foreach (var variant in new[] { email, email.ToLowerInvariant(), email.Trim().ToLowerInvariant().ToUpperInvariant() }.Distinct())
        {
            var bytes = Encoding.UTF8.GetBytes(variant);
            yield return ("plain", variant);
            yield return ("local part", variant.Split('@')[0]);
            yield return ("url-encoded", Uri.EscapeDataString(variant));
            yield return ("html-encoded", WebUtility.HtmlEncode(variant).Replace("@", "&#x40;", StringComparison.Ordinal));
            yield return ("html-decimal", variant.Replace("@", "&#64;", StringComparison.Ordinal));
            yield return ("json-escaped", variant.Replace("@", "\\u0040", StringComparison.Ordinal));
            yield return ("base64", Convert.ToBase64String(bytes));
            yield return ("md5", Convert.ToHexStringLower(MD5.HashData(bytes)));
            yield return ("sha1", Convert.ToHexStringLower(SHA1.HashData(bytes)));
            yield return ("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }
#pragma warning restore CA5350, CA5351

    private static async Task<List<(string Url, string Content)>> CrawlAsync(HttpClient client)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/no-such-page", "/2025/07/03/water-crisis-deepens?replyto=1", "/robots.txt", "/sitemap.xml", "/feed", "/feed/atom", "/sitemap-news.xml", "/sitemap-stories-1.xml", "/sitemap-pages.xml"]);
        var responses = new List<(string, string)>();
        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(',', h.Value)}"));
            var body = await response.Content.ReadAsStringAsync();
            responses.Add((url, headers + "\n" + body));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var link in (await response.ParseAsync()).QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/admin", StringComparison.Ordinal))
                {
                    queue.Enqueue(link.Split('#')[0]);
                }
            }
        }

        return responses;
    }

    [Fact]
    public async Task No_public_response_carries_a_commenters_email_in_any_form()
    {
        // A stranger, and the pending comment's own writer (who sees it through the cookie), crawl the site.
        var stranger = App.CreateReader();
        var writer = App.CreateReader();
        var storyPage = await writer.GetDocumentAsync("/2025/07/03/water-crisis-deepens");
        using var posted = await writer.SubmitAsync(storyPage, new Dictionary<string, string>
        {
            ["Reply.Body"] = "My own words.", ["Reply.Name"] = "Own Writer", ["Reply.Email"] = "own.writer@example.pk",
        }, "form.comment-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var responses = (await CrawlAsync(stranger)).Concat(await CrawlAsync(writer)).ToList();

        Assert.True(responses.Count > 15, $"the crawl reached only {responses.Count} responses");
        Assert.Contains(responses, r => r.Content.Contains("Comment 0", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Content.Contains("My own words.", StringComparison.Ordinal));
        var leaks = (from response in responses
                     from email in Emails.Append("own.writer@example.pk")
                     from spelling in Spellings(email)
                     where response.Content.Contains(spelling.Text, StringComparison.OrdinalIgnoreCase)
                     select $"{response.Url}: {email} as {spelling.Form}").Distinct().ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        var logged = (from line in App.Logs.Lines
                      from email in Emails.Append("own.writer@example.pk")
                      where line.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)
                      select line).ToList();
        Assert.True(logged.Count == 0, string.Join('\n', logged));
    }
}
