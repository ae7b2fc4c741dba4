using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Pages;

/// <summary>The front page, sections, tags and authors list stories newest first, ten to a page, in the old site's addresses.</summary>
public sealed class StoryListTests : SiteTest
{
        private HttpClient reader = null!;

    public override async Task InitializeAsync()
    {
        reader = App.CreateReader();
        await App.WithDbAsync(async db =>
        {
            var education = db.Sections.Single(s => s.Slug == "education");
            var health = db.Sections.Single(s => s.Slug == "health");
            var reporter = TestData.Author("Shahzada Zulfiqar");
            var desk = TestData.Author("Quetta Voice");
            var children = TestData.Tag("Out-of-school children");
            // Fifteen education stories by one reporter, an hour apart, newest last (story 15: 20:00 UTC on 29 June,
            // already 30 June in Quetta, so its address says 30 June); two health stories by the desk.
            for (var i = 1; i <= 15; i++)
            {
                var story = TestData.Article(reporter, headline: $"School story {i}", section: education, publishedAt: TestApp.Start.AddHours(-100 + i));
                if (i % 5 == 0)
                {
                    story.Tags.Add(children);
                }

                db.Articles.Add(story);
            }

            db.Articles.Add(TestData.Article(desk, headline: "Clinic opens", section: health, publishedAt: TestApp.Start.AddMinutes(-30), standfirst: "A new clinic in Pishin."));
            db.Articles.Add(TestData.Article(desk, headline: "Polio drive", section: health, publishedAt: TestApp.Start.AddMinutes(-20), byline: "Health Desk"));
            await db.SaveChangesAsync();
        });
    }

    private static List<string> Headlines(AngleSharp.Dom.IParentNode page, string selector = ".card h3 a") =>
        page.QuerySelectorAll(selector).Select(a => a.Text()).ToList();

    [Fact]
    public async Task The_front_page_has_a_lead_the_latest_and_a_block_per_section()
    {
        var page = await reader.GetDocumentAsync("/");

        Assert.Equal("Polio drive", page.One(".lead-story h3").Text());
        Assert.Equal(["Clinic opens", "School story 15", "School story 14"], Headlines(page, ".latest .card h3 a").Take(3));
        Assert.Equal(9, page.QuerySelectorAll(".latest .card").Length);
        Assert.Equal(["Education", "Health"], page.QuerySelectorAll(".section-block h2").Select(h => h.Text()));
        Assert.Equal(["School story 15", "School story 14", "School story 13", "School story 12"], Headlines(page.QuerySelectorAll(".section-block")[0], ".card h3 a"));
        Assert.Equal("/page/2", page.One(".pager a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_story_published_into_a_section_or_moved_out_of_it_changes_its_block_on_the_next_front_page()
    {
        Assert.Equal(["Polio drive", "Clinic opens"], SectionBlock(await reader.GetDocumentAsync("/"), "Health"));
        var editor = await App.SignInAsync(Roles.Editor);
        var (health, education, authorId) = await App.WithDbAsync(async db => (
            await db.Sections.Where(s => s.Slug == "health").Select(s => s.Id).SingleAsync(),
            await db.Sections.Where(s => s.Slug == "education").Select(s => s.Id).SingleAsync(),
            await db.Authors.Select(a => a.Id).FirstAsync()));

        using (var published = await editor.SubmitAsync(await editor.GetDocumentAsync("/admin/articles/new"), new Dictionary<string, string>
        {
            ["Input.Headline"] = "Measles vaccines reach Zhob",
            ["Input.Body"] = "The first boxes arrived on Monday.",
            ["Input.AuthorId"] = Invariant(authorId),
            ["Input.SectionId"] = Invariant(health),
        }, "form.story-form", "button[formaction*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(["Measles vaccines reach Zhob", "Polio drive", "Clinic opens"], SectionBlock(await reader.GetDocumentAsync("/"), "Health"));

        var clinic = await App.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Clinic opens").Select(a => a.Id).SingleAsync());
        using (var moved = await editor.SubmitAsync(
            await editor.GetDocumentAsync($"/admin/articles/{clinic}/edit"),
            new Dictionary<string, string> { ["Input.SectionId"] = Invariant(education) },
            "form.story-form",
            "button[formaction*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var after = await reader.GetDocumentAsync("/");
        Assert.Equal(["Measles vaccines reach Zhob", "Polio drive"], SectionBlock(after, "Health"));
        Assert.Equal(["Clinic opens", "School story 15", "School story 14", "School story 13"], SectionBlock(after, "Education"));
    }

    private static List<string> SectionBlock(AngleSharp.Dom.IDocument page, string section) =>
        Headlines(page.QuerySelectorAll(".section-block").Single(block => block.QuerySelector("h2")!.Text() == section));

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_card_shows_the_opening_of_a_story_with_links_as_words_never_as_a_link_cut_in_two()
    {
        // Past the 400 characters a list reads of each story, the opening goes on inside a link's address.
        var opening = "The provincial government will allocate more to schools this year, the finance minister said, "
            + "naming [the Annual Development Programme](https://example.org/" + new string('a', 400) + ") as its source.";
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: "Budget for schools", body: opening,
                publishedAt: TestApp.Start.AddMinutes(-10), section: await db.Sections.SingleAsync(s => s.Slug == "education")));
            await db.SaveChangesAsync();
        });

        var page = await reader.GetDocumentAsync("/category/education");

        var teaser = page.QuerySelectorAll(".card").Single(card => card.One("h3").Text() == "Budget for schools").One(".teaser").Text();
        Assert.Equal("The provincial government will allocate more to schools this year, the finance minister said, naming…", teaser);
    }

    [Fact]
    public async Task The_second_front_page_continues_where_the_first_stopped()
    {
        var page = await reader.GetDocumentAsync("/page/2");

        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"School story {i}"), Headlines(page));
        Assert.Equal("/", page.One(".pager a[rel=prev]").GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/page/1", "/")]
    [InlineData("/author/shahzada-zulfiqar/page/1", "/author/shahzada-zulfiqar")]
    [InlineData("/category/education/page/1", "/category/education")]
    [InlineData("/tag/budget/page/1", "/tag/budget")]
    // An address in Urdu script: the redirect's Location header may carry only ASCII, so it is percent-encoded.
    [InlineData("/category/%D8%AE%D8%A8%D8%B1/page/1", "/category/%D8%AE%D8%A8%D8%B1")]
    [InlineData("/author/%D8%AE%D8%A8%D8%B1/page/1", "/author/%D8%AE%D8%A8%D8%B1")]
    [InlineData("/tag/%D8%AE%D8%A8%D8%B1/page/1", "/tag/%D8%AE%D8%A8%D8%B1")]
    public async Task Page_one_has_a_single_address(string url, string canonical)
    {
        using var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_section_lists_its_own_stories_paged()
    {
        var first = await reader.GetDocumentAsync("/category/education");
        var second = await reader.GetDocumentAsync("/category/education/page/2");

        Assert.Equal("Education", first.One("main h1").Text());
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => $"School story {i}"), Headlines(first));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"School story {i}"), Headlines(second));
        using var beyond = await reader.GetAsync("/category/education/page/3");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task A_section_with_no_stories_says_so()
    {
        var page = await reader.GetDocumentAsync("/category/climate");

        Assert.Equal("No stories here yet.", page.One(".empty").Text());
    }

    [Fact]
    public async Task A_tag_lists_the_stories_that_carry_it()
    {
        var page = await reader.GetDocumentAsync("/tag/out-of-school-children");

        Assert.Equal("Out-of-school children", page.One("main h1").Text());
        Assert.Equal(["School story 15", "School story 10", "School story 5"], Headlines(page));
    }

    [Fact]
    public async Task An_author_page_lists_only_their_stories()
    {
        var page = await reader.GetDocumentAsync("/author/quetta-voice");

        Assert.Equal(["Polio drive", "Clinic opens"], Headlines(page));
    }

    [Fact]
    public async Task A_card_shows_the_standfirst_byline_section_and_date()
    {
        var page = await reader.GetDocumentAsync("/category/health");

        var cards = page.QuerySelectorAll(".card");
        Assert.Equal("Health Desk", cards[0].One(".meta span").Text());
        Assert.Equal("A new clinic in Pishin.", cards[1].One(".teaser").Text());
        Assert.Equal("Quetta Voice", cards[1].One(".meta span").Text());
        Assert.Equal("/category/health", cards[1].One(".section-label").GetAttribute("href"));
        Assert.Equal("3 July 2025", cards[1].One("time").Text());
    }

    [Fact]
    public async Task The_masthead_lists_the_sections_in_order()
    {
        var page = await reader.GetDocumentAsync("/");

        var links = page.QuerySelectorAll("nav.sections a").Skip(1).Select(a => a.Text());
        Assert.Equal(DatabaseInitializer.DefaultSections, links);
    }

    [Fact]
    public async Task A_story_page_offers_more_from_its_section_but_not_itself()
    {
        var page = await reader.GetDocumentAsync("/2025/06/30/school-story-15");

        Assert.Equal("Education", page.One(".kicker a").Text());
        Assert.Equal(["School story 14", "School story 13", "School story 12", "School story 11"], Headlines(page.One(".more-from-section")));
    }

    [Fact]
    public async Task Tags_on_a_story_link_to_their_pages()
    {
        var page = await reader.GetDocumentAsync("/2025/06/30/school-story-15");

        var tag = page.One(".story-tags a");
        Assert.Equal("Out-of-school children", tag.Text());
        Assert.Equal("/tag/out-of-school-children", tag.GetAttribute("href"));
    }
}
