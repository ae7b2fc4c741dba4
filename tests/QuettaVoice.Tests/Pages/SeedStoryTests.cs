using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Pages;

/// <summary>A fresh install: the first start imports the seed, and a reader finds and reads it.</summary>
public sealed class SeedStoryTests : IClassFixture<SharedSite>
{
    private readonly HttpClient reader;

    public SeedStoryTests(SharedSite fixture) => reader = fixture.App.CreateReader();

    [Fact]
    public async Task The_front_page_leads_with_the_seed_story()
    {
        var page = await reader.GetDocumentAsync("/");

        var lead = page.One(".lead-story h3 a");
        Assert.Equal(Seed.Headline, lead.Text());
        Assert.Equal(Seed.Permalink, lead.GetAttribute("href"));
        Assert.Equal("Quetta Voice", page.One(".masthead-name").Text());
    }

    [Fact]
    public async Task The_story_page_holds_the_seven_paragraphs_in_order_after_the_dateline()
    {
        var page = await reader.GetDocumentAsync(Seed.Permalink);

        var paragraphs = page.QuerySelectorAll(".story-body > p").Select(p => p.TextContent).ToList();
        Assert.Equal(7, paragraphs.Count);
        Assert.Equal("MOSCOW – " + Seed.Paragraphs[0], paragraphs[0]);
        Assert.Equal(Seed.Paragraphs.Skip(1), paragraphs.Skip(1));
        Assert.Equal("MOSCOW", page.One(".story-body p:first-child .dateline").Text());
    }

    [Fact]
    public async Task The_story_page_shows_headline_byline_time_and_the_author_box()
    {
        var page = await reader.GetDocumentAsync(Seed.Permalink);

        Assert.Equal(Seed.Headline, page.One("article h1").Text());
        Assert.Equal($"{Seed.Headline} | Quetta Voice", page.Title);
        var byline = page.One(".byline a");
        Assert.Equal("Monitoring Desk", byline.Text());
        Assert.Equal("/author/quetta-voice", byline.GetAttribute("href"));

        var time = page.One(".published time");
        Assert.Equal("2025-07-03T14:00:00+05:00", time.GetAttribute("datetime"));
        Assert.Equal("3 July 2025, 2:00 pm", time.Text());

        var about = page.One(".about-author");
        Assert.Equal("About the Author", about.One("h2").Text());
        Assert.StartsWith(Seed.BioStart, about.One("p:not(.about-author-name)").Text());
        Assert.Equal("/author/quetta-voice", about.One(".about-author-name a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_old_theme_furniture_and_the_caption_of_a_missing_picture_are_not_shown()
    {
        var page = await reader.GetDocumentAsync(Seed.Permalink);

        var article = page.One("article.story").TextContent;
        foreach (var furniture in Seed.Furniture)
        {
            Assert.DoesNotContain(furniture, article);
        }

        Assert.Empty(page.QuerySelectorAll("figure, img"));
        Assert.Single(page.QuerySelectorAll("h2"), h => h.Text() == "About the Author");
    }

    [Theory]
    [InlineData(Seed.Permalink)]
    [InlineData(Seed.Permalink + "/")]
    public async Task The_permalink_answers_with_or_without_a_trailing_slash(string url)
    {
        using var response = await reader.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_old_link_with_the_wrong_date_is_moved_permanently_to_the_permalink()
    {
        using var response = await reader.GetAsync("/2021/08/15/" + Seed.Slug);

        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Seed.Permalink, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_author_page_shows_the_bio_and_links_the_story()
    {
        var page = await reader.GetDocumentAsync("/author/quetta-voice");

        Assert.Equal("Quetta Voice", page.One("main h1").Text());
        Assert.StartsWith(Seed.BioStart, page.One(".author-bio").Text());
        Assert.Equal(Seed.Permalink, page.One(".card h3 a").GetAttribute("href"));
    }
}
