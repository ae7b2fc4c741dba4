using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Caching;

/// <summary>
/// Each page costs a fixed number of SQL commands however many stories, tags or comments there are:
/// counted with the cache off, before and after the store grows, both with nothing kept between requests
/// (story counts, the section list) and with them kept.
/// </summary>
public sealed class QueryCountTests() : SiteTest(seed: true, settings: new Dictionary<string, string> { ["OutputCache:Enabled"] = "false" })
{
    private static readonly string[] Pages =
    [
        "/", "/page/2", Seed.Permalink, "/category/politics", "/author/quetta-voice", "/tag/afghanistan",
        "/2025/07", "/2025", "/feed", "/feed/atom", "/category/politics/feed", "/sitemap.xml", "/sitemap-stories-1.xml",
        "/sitemap-news.xml", "/search?q=Taliban",
    ];

    /// <summary>The commands for <paramref name="url"/> with nothing kept, then asked again with what the first request kept.</summary>
    private async Task<(int Cold, int Warm)> CommandsForAsync(string url)
    {
        App.Services.GetRequiredService<ReadCache>().Clear();
        App.Services.GetRequiredService<SectionList>().Clear();
        var cold = await CountAsync(url);
        return (cold, await CountAsync(url));
    }

    private async Task<int> CountAsync(string url)
    {
        var reader = App.CreateReader();
        App.SqlCommands.Reset();
        using var response = await reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return App.SqlCommands.Count;
    }

    private Task GrowAsync(int stories, int comments) => App.WithDbAsync(async db =>
    {
        var seed = await db.Articles.Include(a => a.Tags).Include(a => a.Author).SingleAsync(a => a.Slug == Seed.Slug);
        var politics = await db.Sections.SingleAsync(s => s.Slug == "politics");
        var afghanistan = seed.Tags.FirstOrDefault(t => t.Slug == "afghanistan") ?? TestData.Tag("Afghanistan");
        seed.Section = politics;
        if (!seed.Tags.Contains(afghanistan))
        {
            seed.Tags.Add(afghanistan);
        }

        for (var i = 0; i < stories; i++)
        {
            var story = TestData.Article(seed.Author, headline: $"Taliban talks, day {i} {Guid.NewGuid():N}", section: politics, publishedAt: TestApp.Start.AddHours(-2 - i));
            story.Tags.Add(afghanistan);
            story.Tags.Add(TestData.Tag($"Talks {i} {Guid.NewGuid():N}"));
            db.Articles.Add(story);
        }

        for (var i = 0; i < comments; i++)
        {
            db.Comments.Add(new Comment
            {
                ArticleId = seed.Id,
                AuthorName = $"Reader {i}",
                AuthorEmail = $"reader{i}@example.pk",
                Body = $"Comment number {i}.",
                CreatedAt = TestApp.Start.UtcDateTime.AddMinutes(i),
                Status = CommentStatus.Approved,
                Depth = 1,
            });
        }

        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task No_public_page_sends_more_commands_when_there_are_more_stories_tags_and_comments()
    {
        await GrowAsync(stories: 12, comments: 2);
        var before = new Dictionary<string, (int Cold, int Warm)>();
        foreach (var url in Pages)
        {
            before[url] = await CommandsForAsync(url);
        }

        await GrowAsync(stories: 60, comments: 80);

        foreach (var url in Pages)
        {
            var after = await CommandsForAsync(url);
            Assert.True(before[url] == after, $"{url}: {before[url]} commands (with nothing kept, with kept counts) before, {after} after");
        }
    }
}
