using System.Xml.Linq;
using QuettaVoice.Tests.Sitemaps;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Caching;

/// <summary>
/// A crawler reads every story once. The pages it leaves in the cache must stay within the memory the site is given
/// for them (OutputCache:MemoryMegabytes, lowered here to 1 MB to see it with a hundred stories).
/// </summary>
public sealed class PageCacheMemoryTests() : SiteTest(seed: false, settings: new Dictionary<string, string> { ["OutputCache:MemoryMegabytes"] = "1" })
{
    private const int Stories = 100;
    private const long Budget = 1024 * 1024;

    [Fact]
    public async Task A_crawl_of_every_story_leaves_no_more_cached_pages_than_the_memory_they_are_given()
    {
        // About 18 KB of text each, so a hundred pages come to more than twice the budget.
        var body = string.Join("\n\n", Enumerable.Repeat("Enrolment in Quetta's government schools rose this year, the education department said. " + new string('x', 400), 36));
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            db.Articles.AddRange(Enumerable.Range(1, Stories).Select(i => TestData.Article(author, headline: $"School census report {i}", body: body, publishedAt: TestApp.Start.AddHours(-i))));
            return db.SaveChangesAsync();
        });
        using var crawler = App.CreateReader();
        var sitemap = XDocument.Parse(await crawler.GetStringAsync("/sitemap-stories-1.xml"));
        var stories = sitemap.Descendants(XName.Get("loc", SitemapSchemas.Sitemap)).Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Equal(Stories, stories.Count);

        var firstReadBytes = 0L;
        foreach (var story in stories)
        {
            firstReadBytes += (await crawler.GetByteArrayAsync(story)).Length;
        }

        Assert.True(firstReadBytes > 2 * Budget, $"the hundred pages came to {firstReadBytes} bytes, too few to fill the cache");

        // Read again newest-kept first, so a page still cached is met before the misses push it out.
        var cached = new List<int>();
        foreach (var story in Enumerable.Reverse(stories))
        {
            using var response = await crawler.GetAsync(story);
            if (response.Headers.Age is not null)
            {
                cached.Add((await response.Content.ReadAsByteArrayAsync()).Length);
            }
        }

        Assert.NotEmpty(cached);
        Assert.True(cached.Sum() <= Budget, $"{cached.Count} pages of {cached.Sum()} bytes were still cached, over the {Budget} bytes given");
    }

    [Fact]
    public async Task A_page_cache_given_no_memory_stops_the_site_at_start_with_a_clear_reason()
    {
        var (exitCode, output) = await SiteExecutable.StartWithAsync("OutputCache:MemoryMegabytes=0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OutputCache:MemoryMegabytes must be at least 1", output, StringComparison.Ordinal);
    }
}
