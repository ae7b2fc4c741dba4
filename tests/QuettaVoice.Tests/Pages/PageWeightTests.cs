using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>The budgets of a first view on a cheap phone: what the reader downloads before they can read.</summary>
public sealed class PageWeightTests() : SiteTest(seed: true)
{
    private const int StoryHtmlBudget = 14 * 1024;
    private const int CssBudget = 10 * 1024;
    private const int FirstViewBudget = 100 * 1024;

    /// <summary>
    /// Two hundred comments as readers write them: names, lengths and words that vary (drawn from the story
    /// itself), a third of them replies. Text that repeats itself would compress far better than real talk.
    /// </summary>
    public override Task InitializeAsync() => App.WithDbAsync(async db =>
    {
        var seedId = await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync();
        var words = string.Join(' ', Seed.Paragraphs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] first = ["Ahmed", "Noor", "Rashid", "Saima", "Bibi", "Karim", "Zarina", "Jalil", "Mahrang", "Qadir"];
        string[] last = ["Lehri", "Rind", "Baloch", "Kakar", "Mengal", "Achakzai", "Bugti", "Marri", "Zehri", "Jamali"];
        var random = new Random(20250703);
        var comments = new List<Comment>();
        var parents = new List<int?>();
        for (var i = 0; i < 200; i++)
        {
            int? parent = i > 10 && random.Next(3) == 0 ? random.Next(i) : null;
            if (parent is { } p && comments[p].Depth == Comment.MaxDepth)
            {
                parent = null;
            }

            parents.Add(parent);
            comments.Add(new Comment
            {
                ArticleId = seedId,
                Depth = parent is { } q ? comments[q].Depth + 1 : 1,
                AuthorName = $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}",
                AuthorEmail = $"reader{i}@example.pk",
                AuthorWebsite = i % 7 == 0 ? $"https://reader{i}.example.pk" : null,
                Body = string.Join(' ', Enumerable.Range(0, random.Next(12, 70)).Select(_ => words[random.Next(words.Length)])) + ".",
                CreatedAt = TestApp.Start.UtcDateTime.AddMinutes(i - 1000),
                Status = CommentStatus.Approved,
            });
        }

        db.Comments.AddRange(comments);
        await db.SaveChangesAsync();
        // Replies once the comments they answer have their ids.
        for (var i = 0; i < comments.Count; i++)
        {
            comments[i].ParentId = parents[i] is { } p ? comments[p].Id : null;
        }

        await db.SaveChangesAsync();
    });

    /// <summary>The bytes on the wire for a browser that accepts Brotli and gzip.</summary>
    private async Task<(long Bytes, string? Encoding, string Body)> FetchAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await App.CreateReader().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        await using var decoded = encoding switch
        {
            "br" => (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        using var text = new StreamReader(decoded);
        return (bytes.Length, encoding, await text.ReadToEndAsync());
    }

    private static int PublishedSize(string text)
    {
        using var packed = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return (int)packed.Length;
    }

    [Fact]
    public async Task A_story_with_two_hundred_comments_arrives_compressed_within_fourteen_kilobytes()
    {
        var (bytes, encoding, html) = await FetchAsync(Seed.Permalink);

        Assert.Equal("br", encoding);
        Assert.Contains(Seed.Paragraphs[^1], html, StringComparison.Ordinal);
        Assert.True(bytes < StoryHtmlBudget, $"the story page is {bytes} bytes compressed");
    }

    [Fact]
    public async Task The_first_view_of_a_story_stays_within_its_budgets_with_nothing_blocking_and_no_font_to_fetch()
    {
        var (htmlBytes, _, html) = await FetchAsync(Seed.Permalink);
        var page = Html.Parse(html);

        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var scripts = page.QuerySelectorAll("script[src]").ToList();
        var icon = page.One("link[rel=icon]").GetAttribute("href")!;
        long total = htmlBytes;
        foreach (var url in stylesheets.Append(icon).Concat(scripts.Select(s => s.GetAttribute("src")!)))
        {
            var (bytes, encoding, body) = await FetchAsync(url);
            // A development build packs static files at the fastest level, barely compressed; a published build
            // serves them with Brotli at the best level, which is what readers get and what the budget is about.
            var sent = encoding is null ? bytes : Math.Min(bytes, PublishedSize(body));
            total += sent;
            if (stylesheets.Contains(url))
            {
                Assert.True(sent < CssBudget, $"{url} is {sent} bytes compressed");
                Assert.DoesNotContain("@font-face", body, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.All(scripts, s => Assert.True(s.HasAttribute("defer") || s.HasAttribute("async") || s.GetAttribute("type") == "module", $"{s.OuterHtml} blocks rendering"));
        Assert.True(total < FirstViewBudget, $"the first view is {total} bytes");
    }
}
