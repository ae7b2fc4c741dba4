using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages;

/// <summary>What search engines and sharing sites read in a page's head: canonical address, title, description, Open Graph, Twitter.</summary>
public sealed class MetadataTests() : SiteTest(seed: true)
{
    private const string Logo = "http://localhost/images/logo-512.png";

    public override Task InitializeAsync() =>
        App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == Seed.Slug);
            seed.Section = await db.Sections.SingleAsync(s => s.Slug == "politics");
            seed.Tags.Add(TestData.Tag("Afghanistan"));
            // Enough older stories by one author for a second page of the front page and of the author page.
            var author = TestData.Author();
            for (var i = 1; i <= 11; i++)
            {
                db.Articles.Add(TestData.Article(author, publishedAt: TestApp.Start.AddDays(-i)));
            }

            await db.SaveChangesAsync();
        });

    private static string? Meta(IDocument page, string key) =>
        page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    private static string? Canonical(IDocument page) => page.QuerySelector("link[rel='canonical']")?.GetAttribute("href");

    [Theory]
    [InlineData("/CATEGORY/politics", "/category/politics")]
    [InlineData("/category/Politics?utm_source=x", "/category/politics?utm_source=x")]
    [InlineData("/2025/07/03/Russia-Has-Officially-Recognized-The-Taliban-Led-Government-In-Afghanistan", Seed.Permalink)]
    public async Task An_address_asked_in_capitals_moves_to_the_lower_case_one_before_anything_is_cached_for_it(string asked, string address)
    {
        var reader = App.CreateReader();

        using var moved = await reader.GetAsync(asked);

        Assert.Equal((HttpStatusCode.MovedPermanently, address), (moved.StatusCode, moved.Headers.Location?.OriginalString));
        var page = await reader.GetDocumentAsync(address);
        Assert.Equal("http://localhost" + address.Split('?')[0], Canonical(page));
    }

    [Fact]
    public async Task The_escapes_an_address_keeps_are_not_capitals_to_move_from()
    {
        var reader = App.CreateReader();

        using var moved = await reader.GetAsync("/Tag/%D8%AE%D8%A8%D8%B1%2Fx");
        using var kept = await reader.GetAsync(moved.Headers.Location!.OriginalString);

        Assert.Equal((HttpStatusCode.MovedPermanently, "/tag/%D8%AE%D8%A8%D8%B1%2Fx"), (moved.StatusCode, moved.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
    }

    [Fact]
    public async Task A_page_kept_from_search_engines_names_no_canonical_address_of_its_own()
    {
        var results = await App.CreateReader().GetDocumentAsync("/search?q=Taliban");

        Assert.Equal("noindex, nofollow", Meta(results, "robots"));
        Assert.Null(Canonical(results));
        Assert.Null(Meta(results, "og:url"));
    }

    [Fact]
    public async Task The_seed_story_is_shared_as_an_article_at_its_canonical_address()
    {
        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);

        var canonical = "http://localhost" + Seed.Permalink;
        Assert.Equal(canonical, Canonical(page));
        Assert.Equal($"{Seed.Headline} | Quetta Voice", page.Title);
        Assert.Equal(Seed.Headline, Meta(page, "og:title"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.Equal("Quetta Voice", Meta(page, "og:site_name"));
        Assert.Equal("en_GB", Meta(page, "og:locale"));
        Assert.Equal(Meta(page, "description"), Meta(page, "og:description"));
        Assert.Equal(Logo, Meta(page, "og:image"));
        Assert.Equal("2025-07-03T14:00:00+05:00", Meta(page, "article:published_time"));
        Assert.Equal("2025-07-03T14:00:00+05:00", Meta(page, "article:modified_time"));
        Assert.Equal("Politics", Meta(page, "article:section"));
        Assert.Equal("Afghanistan", Meta(page, "article:tag"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.Equal(Seed.Headline, Meta(page, "twitter:title"));
        Assert.Equal(Logo, Meta(page, "twitter:image"));
    }

    [Fact]
    public async Task A_story_description_is_its_opening_cut_at_a_word_to_fit_a_search_result()
    {
        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);

        var description = Meta(page, "description")!;
        Assert.True(description.Length <= 160, $"{description.Length} characters");
        Assert.EndsWith("…", description);
        Assert.StartsWith(description.TrimEnd('…'), Seed.Paragraphs[0]);
        Assert.False(char.IsLetterOrDigit(Seed.Paragraphs[0][description.Length - 1]), "cut inside a word");
    }

    [Fact]
    public async Task A_story_with_a_standfirst_is_described_by_it()
    {
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author("Sana Baloch"), headline: "Schools reopen in Zhob", standfirst: "Attendance was low on the first day."));
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob");

        Assert.Equal("Attendance was low on the first day.", Meta(page, "description"));
        Assert.Equal("Attendance was low on the first day.", Meta(page, "twitter:description"));
    }

    [Fact]
    public async Task A_story_with_a_picture_shares_its_largest_copy_as_a_large_card()
    {
        Assert.True(ImageProcessor.TryProcess(TestImages.Jpeg(2000, 1200), out var image, out var problem), problem);
        MediaItem item;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            (item, _) = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(image, "dam.jpg", "A dry reservoir", null, default);
        }

        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author("Sana Baloch"), headline: "Water crisis deepens");
            story.FeaturedImage = new FeaturedImage { MediaId = item.Id };
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");

        var largest = "http://localhost/media/" + item.FileName(1600);
        Assert.Equal(largest, Meta(page, "og:image"));
        Assert.Equal("1600", Meta(page, "og:image:width"));
        Assert.Equal("960", Meta(page, "og:image:height"));
        Assert.Equal("A dry reservoir", Meta(page, "og:image:alt"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal(largest, Meta(page, "twitter:image"));
    }

    [Theory]
    [InlineData("/", "Quetta Voice – News and views from Balochistan", "http://localhost/", "website")]
    [InlineData("/page/2", "Latest stories, page 2 | Quetta Voice", "http://localhost/page/2", "website")]
    [InlineData(Seed.Permalink + "/", Seed.Headline + " | Quetta Voice", "http://localhost" + Seed.Permalink, "article")]
    [InlineData("/author/quetta-voice", "Quetta Voice | Quetta Voice", "http://localhost/author/quetta-voice", "website")]
    [InlineData("/category/politics", "Politics | Quetta Voice", "http://localhost/category/politics", "website")]
    [InlineData("/tag/afghanistan", "Afghanistan | Quetta Voice", "http://localhost/tag/afghanistan", "website")]
    [InlineData("/?utm_source=newsletter", "Quetta Voice – News and views from Balochistan", "http://localhost/", "website")]
    public async Task Every_public_page_has_its_canonical_address_a_title_and_a_description(string url, string title, string canonical, string type)
    {
        var page = await App.CreateReader().GetDocumentAsync(url);

        Assert.Equal(title, page.Title);
        Assert.Equal(canonical, Canonical(page));
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.Equal(type, Meta(page, "og:type"));
        var description = Meta(page, "description");
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.True(description.Length <= 160, description);
        Assert.Equal(description, Meta(page, "og:description"));
        Assert.StartsWith("http://localhost/", Meta(page, "og:image"));
    }

    [Theory]
    [InlineData("/search", "Search every story published by Balochistan Voice.")]
    [InlineData("/2025/07", "Every story Balochistan Voice published in July 2025.")]
    public async Task Descriptions_name_the_paper_by_its_configured_name(string url, string description)
    {
        await using var renamed = new TestApp(settings: new Dictionary<string, string> { ["Site:Name"] = "Balochistan Voice" });

        Assert.Equal(description, Meta(await renamed.CreateReader().GetDocumentAsync(url), "description"));
    }

    [Fact]
    public async Task The_pages_of_a_list_have_titles_and_descriptions_of_their_own()
    {
        var reader = App.CreateReader();

        var first = await reader.GetDocumentAsync("/author/shahzada-zulfiqar");
        var second = await reader.GetDocumentAsync("/author/shahzada-zulfiqar/page/2");

        Assert.Equal("Shahzada Zulfiqar | Quetta Voice", first.Title);
        Assert.Equal("Shahzada Zulfiqar, page 2 | Quetta Voice", second.Title);
        Assert.Equal("Reports on Balochistan's schools.", Meta(first, "description"));
        Assert.Equal("Page 2: Reports on Balochistan's schools.", Meta(second, "description"));
        Assert.Equal("http://localhost/author/shahzada-zulfiqar/page/2", Canonical(second));
    }

    [Fact]
    public async Task The_not_found_page_has_a_title_and_description_but_no_address_of_its_own()
    {
        using var response = await App.CreateReader().GetAsync("/no-such-page");
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found | Quetta Voice", page.Title);
        Assert.StartsWith("We could not find that page.", Meta(page, "description"));
        Assert.Null(Canonical(page));
        Assert.Null(Meta(page, "og:url"));
        Assert.Equal("Page not found", Meta(page, "og:title"));
    }
}
