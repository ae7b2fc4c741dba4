using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>Drafts never show; a scheduled story appears by the clock alone, with no job to run.</summary>
public sealed class VisibilityTests : SiteTest
{
    
    [Fact]
    public async Task A_draft_is_nowhere_to_be_read()
    {
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            db.Articles.Add(TestData.Article(author, headline: "Secret draft", status: ArticleStatus.Draft));
            return db.SaveChangesAsync();
        });
        var reader = App.CreateReader();

        Assert.DoesNotContain("Secret draft", (await reader.GetDocumentAsync("/")).Body!.TextContent);
        Assert.DoesNotContain("Secret draft", (await reader.GetDocumentAsync("/author/shahzada-zulfiqar")).Body!.TextContent);
        using var response = await reader.GetAsync("/2025/07/03/secret-draft");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_story_appears_when_its_time_comes()
    {
        var goesLive = TestApp.Start.AddHours(2);
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(
                TestData.Author(), headline: "Budget tabled", status: ArticleStatus.Scheduled, publishedAt: goesLive,
                section: db.Sections.Single(s => s.Slug == "economy")));
            return db.SaveChangesAsync();
        });
        var reader = App.CreateReader();
        const string permalink = "/2025/07/03/budget-tabled";

        using (var early = await reader.GetAsync(permalink))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        Assert.Empty((await reader.GetDocumentAsync("/category/economy")).QuerySelectorAll(".card"));

        App.Clock.SetUtcNow(goesLive);

        Assert.Equal("Budget tabled", (await reader.GetDocumentAsync(permalink)).One("article h1").Text());
        Assert.Equal(permalink, (await reader.GetDocumentAsync("/")).One(".lead-story h3 a").GetAttribute("href"));
        Assert.Single((await reader.GetDocumentAsync("/category/economy")).QuerySelectorAll(".card"));
    }

    [Fact]
    public async Task A_tag_only_a_story_not_yet_out_carries_is_not_there_until_the_story_is()
    {
        var goesLive = TestApp.Start.AddHours(2);
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Chief minister resigns", status: ArticleStatus.Scheduled, publishedAt: goesLive);
            story.Tags.Add(TestData.Tag("Chief minister resigns"));
            var draft = TestData.Article(TestData.Author("Sana Baloch"), headline: "Cabinet reshuffle", status: ArticleStatus.Draft);
            draft.Tags.Add(TestData.Tag("Cabinet reshuffle"));
            db.Articles.AddRange(story, draft);
            return db.SaveChangesAsync();
        });
        var reader = App.CreateReader();

        foreach (var embargoed in new[] { "/tag/chief-minister-resigns", "/tag/cabinet-reshuffle" })
        {
            using var early = await reader.GetAsync(embargoed);
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
            Assert.DoesNotContain("resigns", await early.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        App.Clock.SetUtcNow(goesLive);

        Assert.Equal("Chief minister resigns", (await reader.GetDocumentAsync("/tag/chief-minister-resigns")).One("h1").Text());
    }
}
