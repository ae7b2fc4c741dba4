using System.Globalization;
using System.Net;
using System.Xml.Linq;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Sitemaps;

/// <summary>Sitemaps as a search engine fetches them, each validated against the published schemas.</summary>
public sealed class SitemapTests() : SiteTest(seed: true)
{
    private static readonly XNamespace Sm = SitemapSchemas.Sitemap;
    private static readonly XNamespace News = SitemapSchemas.News;
    private const string SeedUrl = "http://localhost" + Seed.Permalink;

    private async Task<XDocument> GetSitemapAsync(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return SitemapSchemas.Validate(await response.Content.ReadAsStringAsync(), url);
    }

    private static List<string> Locations(XDocument sitemap) => sitemap.Descendants(Sm + "loc").Select(l => l.Value).ToList();

    private static string PathOf(string location)
    {
        Assert.StartsWith("http://localhost/", location, StringComparison.Ordinal);
        return new Uri(location).PathAndQuery;
    }

    /// <summary>Every URL in every sitemap the index names, each sitemap validated on the way.</summary>
    private async Task<List<string>> AllIndexedUrlsAsync()
    {
        var urls = new List<string>();
        foreach (var sitemap in Locations(await GetSitemapAsync("/sitemap.xml")))
        {
            urls.AddRange(Locations(await GetSitemapAsync(PathOf(sitemap))));
        }

        return urls;
    }

    private Task AddAsync(Func<Web.Data.NewsDb, Article[]> stories) => App.WithDbAsync(async db =>
    {
        db.Articles.AddRange(stories(db));
        await db.SaveChangesAsync();
    });

    private Task AddNewsroomAsync() => AddAsync(db =>
    {
        var story = TestData.Article(TestData.Author("Adeel Baloch"), headline: "Gas royalties unpaid", section: db.Sections.Single(s => s.Slug == "economy"));
        story.Tags.AddRange([TestData.Tag("Sui gas"), TestData.Tag("Royalties")]);
        return [story, TestData.Article(TestData.Author("Secret Writer"), headline: "Secret draft", status: ArticleStatus.Draft)];
    });

    [Fact]
    public async Task Every_served_sitemap_is_valid_against_the_published_schemas()
    {
        await AddNewsroomAsync();

        var index = await GetSitemapAsync("/sitemap.xml");
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        Assert.Equal(["/sitemap-pages.xml", "/sitemap-stories-1.xml"], Locations(index).Select(PathOf).ToArray());
        foreach (var sitemap in Locations(index))
        {
            Assert.Equal(Sm + "urlset", (await GetSitemapAsync(PathOf(sitemap))).Root!.Name);
        }

        Assert.Equal(2, (await GetSitemapAsync("/sitemap-news.xml")).Descendants(News + "news").Count());
    }

    [Fact]
    public async Task Seed_story_is_in_the_story_sitemap_with_its_last_change()
    {
        var sitemap = await GetSitemapAsync("/sitemap-stories-1.xml");

        var url = Assert.Single(sitemap.Root!.Elements(Sm + "url"));
        Assert.Equal(SeedUrl, url.Element(Sm + "loc")!.Value);
        var updatedAt = await App.WithDbAsync(db => Task.FromResult(db.Articles.Single().UpdatedAt));
        var lastmod = DateTimeOffset.Parse(url.Element(Sm + "lastmod")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(Later(updatedAt, TestApp.Start.UtcDateTime), TimeSpan.Zero), lastmod);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    [Fact]
    public async Task Pages_sitemap_lists_the_front_page_and_the_sections_authors_and_tags_with_stories()
    {
        await AddNewsroomAsync();

        var pages = Locations(await GetSitemapAsync("/sitemap-pages.xml")).Select(PathOf).ToList();

        Assert.Equal(["/", "/category/economy", "/author/adeel-baloch", "/author/quetta-voice", "/tag/royalties", "/tag/sui-gas"], pages);
    }

    [Fact]
    public async Task News_sitemap_lists_the_last_two_days_stories_with_publication_title_and_date()
    {
        await AddAsync(_ =>
        [
            TestData.Article(TestData.Author(), headline: "Yesterday's floods", publishedAt: TestApp.Start.AddHours(-47)),
            TestData.Article(TestData.Author("Adeel Baloch"), headline: "Last week's rain", publishedAt: TestApp.Start.AddHours(-49)),
        ]);

        var news = await GetSitemapAsync("/sitemap-news.xml");

        var urls = news.Root!.Elements(Sm + "url").ToList();
        Assert.Equal([SeedUrl, "http://localhost/2025/07/01/yesterdays-floods"], urls.Select(u => u.Element(Sm + "loc")!.Value).ToArray());
        var seed = urls[0].Element(News + "news")!;
        Assert.Equal("Quetta Voice", seed.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", seed.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(Seed.Headline, seed.Element(News + "title")!.Value);
        Assert.Equal(TestApp.Start, DateTimeOffset.Parse(seed.Element(News + "publication_date")!.Value, CultureInfo.InvariantCulture));
        Assert.Contains("http://localhost/2025/07/01/last-weeks-rain", await AllIndexedUrlsAsync());
    }

    [Fact]
    public async Task Drafts_never_appear_and_a_scheduled_story_appears_when_its_time_comes()
    {
        var goesLive = TestApp.Start.AddHours(2);
        await AddAsync(_ =>
        [
            TestData.Article(TestData.Author(), headline: "Secret draft", status: ArticleStatus.Draft),
            TestData.Article(TestData.Author("Adeel Baloch"), headline: "Budget tabled", status: ArticleStatus.Scheduled, publishedAt: goesLive),
        ]);
        const string scheduledUrl = "http://localhost/2025/07/03/budget-tabled";

        var early = await AllIndexedUrlsAsync();
        Assert.DoesNotContain(scheduledUrl, early);
        Assert.DoesNotContain("http://localhost/author/adeel-baloch", early);
        Assert.DoesNotContain(early, u => u.Contains("secret", StringComparison.Ordinal));
        Assert.DoesNotContain(scheduledUrl, Locations(await GetSitemapAsync("/sitemap-news.xml")));

        App.Clock.SetUtcNow(goesLive);

        var later = await AllIndexedUrlsAsync();
        Assert.Contains(scheduledUrl, later);
        Assert.Contains("http://localhost/author/adeel-baloch", later);
        Assert.DoesNotContain(later, u => u.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(scheduledUrl, Locations(await GetSitemapAsync("/sitemap-news.xml")));
    }

    [Theory]
    [InlineData("/sitemap-stories-0.xml")]
    [InlineData("/sitemap-stories-2.xml")]
    [InlineData("/sitemap-stories-2147483647.xml")]
    public async Task A_story_sitemap_past_the_last_is_not_found(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_allows_the_site_keeps_crawlers_out_of_the_newsroom_and_names_both_sitemaps()
    {
        using var response = await App.CreateReader().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /account", "Sitemap: http://localhost/sitemap.xml", "Sitemap: http://localhost/sitemap-news.xml"],
            lines);
        foreach (var sitemap in lines.Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)))
        {
            await GetSitemapAsync(PathOf(sitemap["Sitemap: ".Length..]));
        }
    }
}
