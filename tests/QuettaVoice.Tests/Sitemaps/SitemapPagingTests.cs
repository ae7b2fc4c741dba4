using System.Net;
using System.Xml.Linq;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Sitemaps;

/// <summary>Story sitemaps split at Sitemaps:UrlsPerFile, lowered here from the protocol's 50,000 to see it with five stories.</summary>
public sealed class SitemapPagingTests() : SiteTest(seed: false, settings: new Dictionary<string, string> { ["Sitemaps:UrlsPerFile"] = "2" })
{
    private static readonly XNamespace Sm = SitemapSchemas.Sitemap;

    private static async Task<XDocument> GetSitemapAsync(HttpClient reader, string url)
    {
        using var response = await reader.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return SitemapSchemas.Validate(await response.Content.ReadAsStringAsync(), url);
    }

    [Fact]
    public async Task Five_stories_at_two_a_file_make_three_story_sitemaps_in_the_index()
    {
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            db.Articles.AddRange(Enumerable.Range(1, 5).Select(i => TestData.Article(author, headline: $"Story {i}", publishedAt: TestApp.Start.AddDays(-i))));
            return db.SaveChangesAsync();
        });
        var reader = App.CreateReader();

        var index = await GetSitemapAsync(reader, "/sitemap.xml");

        var storySitemaps = index.Descendants(Sm + "loc").Select(l => new Uri(l.Value).AbsolutePath).Where(p => p.StartsWith("/sitemap-stories-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/sitemap-stories-1.xml", "/sitemap-stories-2.xml", "/sitemap-stories-3.xml"], storySitemaps);
        var stories = new List<string>();
        foreach (var sitemap in storySitemaps)
        {
            var urls = (await GetSitemapAsync(reader, sitemap)).Descendants(Sm + "loc").Select(l => l.Value).ToList();
            Assert.InRange(urls.Count, 1, 2);
            stories.AddRange(urls);
        }

        // Oldest first, so a new story only ever changes the last file.
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"story-{i}").ToList(), stories.Select(u => u.Split('/')[^1]).ToList());
        using var pastTheEnd = await reader.GetAsync("/sitemap-stories-4.xml");
        Assert.Equal(HttpStatusCode.NotFound, pastTheEnd.StatusCode);
    }
}
