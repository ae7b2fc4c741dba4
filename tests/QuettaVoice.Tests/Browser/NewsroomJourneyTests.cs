using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Browser;

/// <summary>An editor at a real browser: signs in, writes, previews, publishes; a reader then finds the story.</summary>
public sealed class NewsroomJourneyTests(LiveSite site) : BrowserTest(site)
{
    private async Task<IPage> SignedInEditorAsync(bool javaScript)
    {
        var email = await Site.App.CreateUserAsync(Roles.Editor);
        var page = await OpenAsync(javaScript: javaScript);
        await page.GotoAsync("/admin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return page;
    }

    [SkippableFact]
    public async Task An_editor_uploads_a_picture_writes_previews_and_publishes_and_a_reader_sees_the_story()
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await SignedInEditorAsync(javaScript: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "Media" }).ClickAsync();
        await page.GetByLabel("Image", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "zhob-school.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1800, 1200, withGps: true),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.GetByText("zhob-school.jpg").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Stories" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new story" }).ClickAsync();
        await page.GetByLabel("Headline", new() { Exact = true }).FillAsync("Teachers return to Zhob classrooms");
        await page.GetByLabel("Story (Markdown)").FillAsync("Teachers came back on *Monday*.\n\nPupils cheered.");
        await page.GetByLabel("Dateline (e.g. QUETTA)").FillAsync("ZHOB");
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "Education" });
        var picture = page.GetByLabel("Featured image (from the media library)");
        var option = await picture.Locator("option", new() { HasText = "zhob-school.jpg" }).GetAttributeAsync("value");
        await picture.SelectOptionAsync(option!);
        await page.GetByLabel("Image description for readers who cannot see it (alt text)").FillAsync("Teachers in a Zhob classroom");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Assertions.Expect(page.Locator(".preview .story-body em")).ToHaveTextAsync("Monday");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("editor-preview.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish or schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Published.");

        var reader = await OpenAsync();
        await reader.GotoAsync("/category/education");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Teachers return to Zhob classrooms" }).ClickAsync();
        await Assertions.Expect(reader).ToHaveURLAsync(new Regex("/teachers-return-to-zhob-classrooms$"));
        await Assertions.Expect(reader.Locator(".story-body p").First).ToHaveTextAsync("ZHOB – Teachers came back on Monday.");
        var image = reader.GetByRole(AriaRole.Img, new() { Name = "Teachers in a Zhob classroom" });
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the story's picture did not load");
        await reader.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("story-with-picture.png") });
    }

    [SkippableFact]
    public async Task With_javascript_the_preview_follows_the_typing_without_a_click()
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await SignedInEditorAsync(javaScript: true);

        await page.GotoAsync("/admin/articles/new");
        await page.GetByLabel("Headline", new() { Exact = true }).FillAsync("Live preview");
        await page.GetByLabel("Story (Markdown)").FillAsync("Typed **boldly**.");

        await Assertions.Expect(page.Locator(".preview .story-body strong")).ToHaveTextAsync("boldly");
        await page.GetByLabel("Story (Markdown)").FillAsync("Typed _again_.");
        await Assertions.Expect(page.Locator(".preview .story-body em")).ToHaveTextAsync("again");
    }

    [SkippableTheory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/articles")]
    public async Task Newsroom_pages_have_no_serious_accessibility_violation(string url)
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await SignedInEditorAsync(javaScript: true);

        await page.GotoAsync(url);
        var serious = await SeriousAccessibilityViolationsAsync(page);

        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }
}
