using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>
/// A story the newsroom takes down tells its readers, and search engines, that it is gone (410) rather than that there
/// never was such a page; a story that was never out is not found, so the bin reveals nothing.
/// </summary>
public sealed class RemovedStoryTests() : SiteTest(seed: true)
{
    [Fact]
    public async Task A_published_story_put_in_the_bin_is_gone_at_its_address_and_back_when_restored()
    {
        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Slug == Seed.Slug)).LegacyPostId = 4242;
            await db.SaveChangesAsync();
        });
        var editor = await App.SignInAsync(Roles.Editor);
        var editUrl = $"/admin/articles/{await SeedIdAsync()}/edit";
        Assert.Equal(HttpStatusCode.OK, (await App.CreateReader().GetAsync(Seed.Permalink)).StatusCode);

        using var trashed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");

        using var gone = await App.CreateReader().GetAsync(Seed.Permalink);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var page = await gone.ParseAsync();
        Assert.Equal("Story removed", page.One("main h1").Text());
        Assert.DoesNotContain(Seed.Headline, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/category/education");

        // Only its own address says so: the slug under another date is no page at all. The old site's link leads there.
        using var misdated = await App.CreateReader().GetAsync("/2025/07/04/" + Seed.Slug);
        Assert.Equal(HttpStatusCode.NotFound, misdated.StatusCode);
        using var oldSiteLink = await App.CreateReader().GetAsync("/?p=4242");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldSiteLink.StatusCode);
        Assert.Equal(Seed.Permalink, oldSiteLink.Headers.Location!.OriginalString);

        using var restored = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Restore']");
        Assert.Equal(HttpStatusCode.OK, (await App.CreateReader().GetAsync(Seed.Permalink)).StatusCode);
    }

    [Fact]
    public async Task A_story_renamed_while_out_and_then_binned_is_gone_at_its_old_address_too()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var editUrl = $"/admin/articles/{await SeedIdAsync()}/edit";
        using var renamed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string> { ["Input.Slug"] = "moscow-recognises-the-taliban" }, "form.story-form", "button[formaction*='handler=Publish']");
        Assert.Equal(HttpStatusCode.MovedPermanently, (await App.CreateReader().GetAsync(Seed.Permalink)).StatusCode);

        using var trashed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");

        Assert.Equal(HttpStatusCode.Gone, (await App.CreateReader().GetAsync("/2025/07/03/moscow-recognises-the-taliban")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await App.CreateReader().GetAsync(Seed.Permalink)).StatusCode);
    }

    [Fact]
    public async Task A_story_in_the_bin_keeps_the_address_readers_knew()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var editUrl = $"/admin/articles/{await SeedIdAsync()}/edit";
        using var trashed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");

        using var renamed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string> { ["Input.Slug"] = "an-address-never-out" }, "form.story-form", "button[formaction*='handler=Save']");

        Assert.NotEqual(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("A story in the bin keeps its address: restore it first to change the address.", (await renamed.ParseAsync()).One("#slug-error").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateReader().GetAsync("/2025/07/03/an-address-never-out")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await App.CreateReader().GetAsync(Seed.Permalink)).StatusCode);
    }

    [Fact]
    public async Task A_story_binned_before_it_was_out_or_after_it_was_unpublished_is_not_found()
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            var draft = TestData.Article(author, headline: "Draft never out", status: ArticleStatus.Draft, publishedAt: TestApp.Start.AddDays(-1));
            var scheduled = TestData.Article(author, headline: "Scheduled for tomorrow", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(1));
            draft.Trash();
            scheduled.Trash();
            db.Articles.AddRange(draft, scheduled);
            await db.SaveChangesAsync();
        });
        await UnpublishThenTrashSeedAsync();
        App.Clock.Advance(TimeSpan.FromDays(2));

        foreach (var address in new[] { "/2025/07/02/draft-never-out", "/2025/07/04/scheduled-for-tomorrow", Seed.Permalink })
        {
            using var response = await App.CreateReader().GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private Task<int> SeedIdAsync() => App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync());

    private async Task UnpublishThenTrashSeedAsync()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var editUrl = $"/admin/articles/{await SeedIdAsync()}/edit";
        using var unpublished = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']");
        using var trashed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");
        Assert.Equal("Trashed", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());
    }
}
