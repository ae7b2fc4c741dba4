using Microsoft.Playwright;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Browser;

/// <summary>A reader comments under the seed story, a moderator approves it, another reader sees it.</summary>
public sealed class CommentJourneyTests(LiveSite site) : BrowserTest(site)
{
    [SkippableFact]
    public async Task A_reader_comments_a_moderator_approves_and_a_second_reader_sees_it()
    {
        Support.Browser.SkipUnlessAvailable();
        var reader = await OpenAsync(390, 844, javaScript: false);
        await reader.GotoAsync(Seed.Permalink);
        await reader.GetByLabel("Comment *").FillAsync("Russia's move will change the region.");
        await reader.GetByLabel("Name *").FillAsync("Gul Khan");
        await reader.GetByLabel("Email *").FillAsync("gul.khan@example.pk");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#comments .notice")).ToHaveTextAsync("Your comment is awaiting moderation.");
        await Assertions.Expect(reader.Locator(".comment.awaiting .comment-body")).ToHaveTextAsync("Russia's move will change the region.");
        await reader.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("comment-awaiting.png"), FullPage = true });

        var moderator = await OpenAsync();
        var email = await Site.App.CreateUserAsync(Roles.Moderator);
        await moderator.GotoAsync("/admin/comments");
        await moderator.GetByLabel("Email").FillAsync(email);
        await moderator.GetByLabel("Password", new() { Exact = true }).FillAsync(TestApp.Password);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".queued-email")).ToHaveTextAsync("gul.khan@example.pk");
        Assert.Empty(await SeriousAccessibilityViolationsAsync(moderator));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".notice")).ToHaveTextAsync("Done: approve.");

        var second = await OpenAsync();
        await second.GotoAsync(Seed.Permalink);
        await Assertions.Expect(second.Locator(".comment .comment-author")).ToHaveTextAsync("Gul Khan");
        await Assertions.Expect(second.Locator(".comment .comment-body")).ToHaveTextAsync("Russia's move will change the region.");
        Assert.DoesNotContain("gul.khan", await second.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await SeriousAccessibilityViolationsAsync(second));
    }
}
