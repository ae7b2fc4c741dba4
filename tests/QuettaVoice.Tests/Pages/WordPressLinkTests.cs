using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>The old WordPress site's ?p= and ?s= links still arrive, and editors say which post number a story had.</summary>
public sealed class WordPressLinkTests() : SiteTest(seed: true)
{
    private const int SeedPostNumber = 48213;

    public override Task InitializeAsync() =>
        App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.SingleAsync(a => a.Slug == Seed.Slug);
            seed.LegacyPostId = SeedPostNumber;
            await db.SaveChangesAsync();
        });

    private Task<int> SeedIdAsync() => App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync());

    private Task<int?> PostNumberOfAsync(string headline) =>
        App.WithDbAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.LegacyPostId).SingleAsync());

    [Fact]
    public async Task An_old_post_link_moves_permanently_to_the_story()
    {
        using var response = await App.CreateReader().GetAsync($"/?p={SeedPostNumber}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Seed.Permalink, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/?feed=rss2", "/feed")]
    [InlineData("/?feed=atom", "/feed/atom")]
    [InlineData("/?m=202507", "/2025/07")]
    [InlineData("/?m=2025", "/2025")]
    [InlineData("/?m=20250703", "/2025/07/03")]
    [InlineData("/?category_name=politics", "/category/politics")]
    [InlineData("/?tag=afghanistan", "/tag/afghanistan")]
    [InlineData("/?author_name=quetta-voice", "/author/quetta-voice")]
    [InlineData("/?tag=Afghanistan", "/tag/afghanistan")]
    [InlineData("/?category_name=politics&feed=rss2", "/category/politics/feed")]
    [InlineData("/?feed=atom&author_name=quetta-voice", "/author/quetta-voice/feed/atom")]
    public async Task The_old_sites_other_queries_move_permanently_to_their_address_today(string url, string address)
    {
        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(address, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/?cat=3")]
    [InlineData("/?page_id=2")]
    [InlineData("/?attachment_id=5")]
    [InlineData("/?author=1")]
    [InlineData("/?m=2025-07")]
    [InlineData("/?cat=3&feed=rss2")]
    [InlineData("/?m=202507&feed=rss2")]
    public async Task The_old_sites_queries_by_a_number_this_site_never_had_are_not_answered_with_the_front_page(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ParseAsync()).One("main h1").Text());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("abc")]
    [InlineData("-48213")]
    [InlineData("99999999999999")]
    [InlineData("")]
    public async Task An_old_post_link_to_no_story_is_not_found(string postNumber)
    {
        using var response = await App.CreateReader().GetAsync($"/?p={Uri.EscapeDataString(postNumber)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ParseAsync()).One("h1").Text());
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Scheduled)]
    [InlineData(ArticleStatus.Trashed)]
    public async Task An_old_post_link_to_a_story_readers_may_not_see_is_not_found(ArticleStatus status)
    {
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Not out yet", status: status, publishedAt: TestApp.Start.AddDays(1));
            story.LegacyPostId = 777;
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });

        using var response = await App.CreateReader().GetAsync("/?p=777");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/?s=gwadar+port", "/search?q=gwadar%20port")]
    [InlineData("/?s=Quetta%20%26%20Ziarat", "/search?q=Quetta%20%26%20Ziarat")]
    [InlineData("/?s=%D8%A8%D9%84%D9%88%DA%86%D8%B3%D8%AA%D8%A7%D9%86", "/search?q=%D8%A8%D9%84%D9%88%DA%86%D8%B3%D8%AA%D8%A7%D9%86")]
    public async Task An_old_search_link_moves_permanently_to_the_search_page(string oldLink, string searchPage)
    {
        using var response = await App.CreateReader().GetAsync(oldLink);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(searchPage, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_front_page_without_old_parameters_is_the_front_page()
    {
        using var response = await App.CreateReader().GetAsync("/?utm_source=newsletter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_sets_the_old_post_number_and_the_old_link_then_arrives()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: "Schools reopen in Zhob"));
            return db.SaveChangesAsync();
        });
        var id = await App.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Schools reopen in Zhob").Select(a => a.Id).SingleAsync());
        var form = await editor.GetDocumentAsync($"/admin/articles/{id}/edit");
        Assert.Equal("Old site post number", form.One("label[for='Input_LegacyPostId']").Text());

        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.LegacyPostId"] = "1234" }, "form.story-form", "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1234, await PostNumberOfAsync("Schools reopen in Zhob"));
        Assert.Equal("1234", (await editor.GetDocumentAsync($"/admin/articles/{id}/edit")).ValueOf("Input.LegacyPostId"));
        using var oldLink = await App.CreateReader().GetAsync("/?p=1234");
        Assert.Equal("/2025/07/03/schools-reopen-in-zhob", oldLink.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_post_number_another_story_has_is_refused_beside_its_field_with_the_form_kept()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: "Schools reopen in Zhob"));
            return db.SaveChangesAsync();
        });
        var id = await App.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Schools reopen in Zhob").Select(a => a.Id).SingleAsync());
        var form = await editor.GetDocumentAsync($"/admin/articles/{id}/edit");

        using var refused = await editor.SubmitAsync(
            form,
            new Dictionary<string, string>
            {
                ["Input.LegacyPostId"] = SeedPostNumber.ToString(CultureInfo.InvariantCulture),
                ["Input.Headline"] = "Schools reopen in Zhob after the floods",
            },
            "form.story-form",
            "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains($"Another story already has old site post number {SeedPostNumber}", page.One("#legacy-post-error").Text());
        Assert.Equal("Schools reopen in Zhob after the floods", page.ValueOf("Input.Headline"));
        Assert.Equal(SeedPostNumber.ToString(CultureInfo.InvariantCulture), page.ValueOf("Input.LegacyPostId"));
        Assert.Null(await PostNumberOfAsync("Schools reopen in Zhob"));
    }

    [Fact]
    public async Task A_writer_is_not_offered_the_post_number_and_cannot_set_it()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var authorId = await App.WithDbAsync(db => db.Authors.Select(a => a.Id).FirstAsync());
        var form = await writer.GetDocumentAsync("/admin/articles/new");
        Assert.Null(form.QuerySelector("[name='Input.LegacyPostId']"));

        using var saved = await writer.SubmitAsync(
            form,
            new Dictionary<string, string>
            {
                ["Input.Headline"] = "A writer's draft",
                ["Input.Body"] = "Draft text.",
                ["Input.AuthorId"] = authorId.ToString(CultureInfo.InvariantCulture),
                ["Input.LegacyPostId"] = "555",
            },
            "form.story-form",
            "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await PostNumberOfAsync("A writer's draft"));
    }

    [Fact]
    public async Task A_writer_saving_a_story_keeps_the_post_number_an_editor_gave_it()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var authorId = await App.WithDbAsync(db => db.Authors.Select(a => a.Id).FirstAsync());
        using (await writer.SubmitAsync(
            await writer.GetDocumentAsync("/admin/articles/new"),
            new Dictionary<string, string>
            {
                ["Input.Headline"] = "A writer's draft",
                ["Input.Body"] = "Draft text.",
                ["Input.AuthorId"] = authorId.ToString(CultureInfo.InvariantCulture),
            },
            "form.story-form",
            "button[formaction*='handler=Save']"))
        {
        }

        var id = await App.WithDbAsync(async db =>
        {
            var draft = await db.Articles.SingleAsync(a => a.Headline == "A writer's draft");
            draft.LegacyPostId = 909;
            await db.SaveChangesAsync();
            return draft.Id;
        });

        using var saved = await writer.SubmitAsync(
            await writer.GetDocumentAsync($"/admin/articles/{id}/edit"), new Dictionary<string, string>(), "form.story-form", "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(909, await PostNumberOfAsync("A writer's draft"));
    }
}
