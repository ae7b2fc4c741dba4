using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages;

/// <summary>What search engines read in the JSON-LD blocks: the story as a NewsArticle, the paper and its search.</summary>
public sealed class StructuredDataTests() : SiteTest(seed: true)
{
    public override Task InitializeAsync() =>
        App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == Seed.Slug);
            seed.Section = await db.Sections.SingleAsync(s => s.Slug == "politics");
            seed.Tags.Add(TestData.Tag("Afghanistan"));
            seed.Tags.Add(TestData.Tag("Russia"));
            await db.SaveChangesAsync();
        });

    private static List<JsonElement> JsonLd(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement)
            .ToList();

    private static JsonElement Single(IDocument page, string type) => Assert.Single(JsonLd(page), item => item.GetProperty("@type").GetString() == type);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_seed_story_is_described_to_search_engines_as_a_news_article()
    {
        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);

        var article = Single(page, "NewsArticle");
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal(Seed.Headline, article.GetProperty("headline").GetString());
        var description = article.GetProperty("description").GetString()!;
        Assert.StartsWith("In a historic and unprecedented diplomatic move, Russia has officially recognized", description);
        Assert.True(description.Length <= 160, description);
        Assert.Equal(page.One("meta[name='description']").GetAttribute("content"), description);
        Assert.Equal(["http://localhost/images/logo-512.png"], Strings(article.GetProperty("image")));
        Assert.Equal("2025-07-03T14:00:00+05:00", article.GetProperty("datePublished").GetString());
        Assert.Equal("2025-07-03T14:00:00+05:00", article.GetProperty("dateModified").GetString());

        var author = article.GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("Monitoring Desk", author.GetProperty("name").GetString());
        Assert.Equal("http://localhost/author/quetta-voice", author.GetProperty("url").GetString());

        var publisher = article.GetProperty("publisher");
        Assert.Equal("NewsMediaOrganization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Quetta Voice", publisher.GetProperty("name").GetString());
        var logo = publisher.GetProperty("logo");
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/images/logo-512.png", logo.GetProperty("url").GetString());
        Assert.Equal(512, logo.GetProperty("width").GetInt32());
        Assert.Equal(512, logo.GetProperty("height").GetInt32());

        var place = article.GetProperty("locationCreated");
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("MOSCOW", place.GetProperty("name").GetString());
        Assert.Equal("Politics", article.GetProperty("articleSection").GetString());
        Assert.Equal(["Afghanistan", "Russia"], Strings(article.GetProperty("keywords")));
        Assert.Equal("http://localhost" + Seed.Permalink, article.GetProperty("mainEntityOfPage").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
    }

    [Fact]
    public async Task The_publisher_logo_is_a_png_of_the_size_the_data_claims()
    {
        using var response = await App.CreateReader().GetAsync("/images/logo-512.png");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var logo = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((512, 512), (logo.Width, logo.Height));
    }

    [Fact]
    public async Task A_story_by_a_named_author_credits_a_person_with_their_author_page()
    {
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author("Shahzada Zulfiqar"), headline: "Schools reopen in Zhob"));
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob");

        var author = Single(page, "NewsArticle").GetProperty("author");
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Shahzada Zulfiqar", author.GetProperty("name").GetString());
        Assert.Equal("http://localhost/author/shahzada-zulfiqar", author.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_story_of_a_picture_alone_has_no_description_rather_than_an_empty_one()
    {
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: "Hanna Lake in winter", body: "![](https://example.org/hanna.jpg)"));
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/hanna-lake-in-winter");

        Assert.False(Single(page, "NewsArticle").TryGetProperty("description", out var description), $"description: {description}");
    }

    [Fact]
    public async Task A_byline_naming_a_desk_on_a_named_authors_story_credits_the_desk_as_an_organization()
    {
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author("Shahzada Zulfiqar"), headline: "Flood warning for Sibi", byline: "Our Correspondent"));
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/flood-warning-for-sibi");

        var author = Single(page, "NewsArticle").GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("Our Correspondent", author.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_story_with_a_library_picture_lists_every_copy_the_largest_first()
    {
        Assert.True(ImageProcessor.TryProcess(TestImages.Jpeg(2000, 1200), out var image, out var problem), problem);
        MediaItem item;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            (item, _) = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(image, "dam.jpg", "A dry reservoir", null, default);
        }

        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens");
            story.FeaturedImage = new FeaturedImage { MediaId = item.Id };
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");

        var images = Strings(Single(page, "NewsArticle").GetProperty("image"));
        string[] widestFirst = [item.FileName(1600), item.FileName(960), item.FileName(480)];
        Assert.Equal(widestFirst.Select(name => "http://localhost/media/" + name), images);
    }

    [Fact]
    public async Task A_headline_longer_than_google_takes_is_cut_at_a_word()
    {
        const string headline = "Provincial assembly passes the Balochistan education emergency bill after a long debate on teachers, schools, budgets and the province’s out-of-school children";
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: headline));
            return db.SaveChangesAsync();
        });
        var permalink = "/2025/07/03/" + Slug.From(headline);

        var page = await App.CreateReader().GetDocumentAsync(permalink);

        var cut = Single(page, "NewsArticle").GetProperty("headline").GetString()!;
        Assert.True(cut.Length <= 110, cut);
        Assert.EndsWith("…", cut);
        Assert.StartsWith(cut.TrimEnd('…'), headline);
        Assert.False(char.IsLetterOrDigit(headline[cut.Length - 1]), "cut inside a word");
    }

    [Fact]
    public async Task A_hostile_headline_cannot_break_out_of_the_json_ld_block()
    {
        const string hostile = "Budget </script><script>alert(1)</script> & <!-- more";
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: hostile));
            return db.SaveChangesAsync();
        });

        using var response = await App.CreateReader().GetAsync("/2025/07/03/" + Slug.From(hostile));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
        var script = page.One("script[type='application/ld+json']");
        Assert.DoesNotContain("<", script.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("&", script.TextContent, StringComparison.Ordinal);
        Assert.Equal(hostile, JsonDocument.Parse(script.TextContent).RootElement.GetProperty("headline").GetString());
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_front_page_names_the_paper_and_offers_its_search_to_search_engines()
    {
        var page = await App.CreateReader().GetDocumentAsync("/");

        var paper = Single(page, "NewsMediaOrganization");
        Assert.Equal("https://schema.org", paper.GetProperty("@context").GetString());
        Assert.Equal("Quetta Voice", paper.GetProperty("name").GetString());
        Assert.Equal("http://localhost/", paper.GetProperty("url").GetString());
        Assert.Equal("http://localhost/images/logo-512.png", paper.GetProperty("logo").GetProperty("url").GetString());

        var site = Single(page, "WebSite");
        Assert.Equal("http://localhost/", site.GetProperty("url").GetString());
        var search = site.GetProperty("potentialAction");
        Assert.Equal("SearchAction", search.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/search?q={search_term_string}", search.GetProperty("target").GetString());
        Assert.Equal("required name=search_term_string", search.GetProperty("query-input").GetString());
    }

    [Fact]
    public async Task Only_the_front_page_and_stories_carry_json_ld()
    {
        var reader = App.CreateReader();

        Assert.Empty(JsonLd(await reader.GetDocumentAsync("/author/quetta-voice")));
        Assert.Empty(JsonLd(await reader.GetDocumentAsync("/category/politics")));
        Assert.Empty(JsonLd(await reader.GetDocumentAsync("/tag/afghanistan")));
    }
}
