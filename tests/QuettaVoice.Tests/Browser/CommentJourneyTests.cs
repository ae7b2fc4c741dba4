using Microsoft.Playwright;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Browser;

/// <summary>A reader comments under the seed story, a moderator approves it, another reader sees it.</summary>
public sealed class CommentJourneyTests(LiveSite site) : BrowserTest(site)
{
    private static readonly string[] KeyboardComments = ["Keyboard one.", "Keyboard two.", "Keyboard three."];

    private static async Task SignInToCommentsAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/comments");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Comments");
    }

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
        await SignInToCommentsAsync(moderator, await Site.App.CreateUserAsync(Roles.Moderator));
        await Assertions.Expect(moderator.Locator(".queued-email")).ToHaveTextAsync("gul.khan@example.pk");
        var violations = await SeriousAccessibilityViolationsAsync(moderator);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".notice")).ToHaveTextAsync("Done: approve.");

        var second = await OpenAsync();
        await second.GotoAsync(Seed.Permalink);
        await Assertions.Expect(second.Locator(".comment .comment-author")).ToHaveTextAsync("Gul Khan");
        await Assertions.Expect(second.Locator(".comment .comment-body")).ToHaveTextAsync("Russia's move will change the region.");
        Assert.DoesNotContain("gul.khan", await second.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        violations = await SeriousAccessibilityViolationsAsync(second);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [SkippableFact]
    public async Task A_moderator_works_the_queue_from_the_keyboard()
    {
        Support.Browser.SkipUnlessAvailable();
        var storyId = await Site.App.WithDbAsync(db => Task.FromResult(db.Articles.Select(a => a.Id).First()));
        await Site.App.WithDbAsync(db =>
        {
            foreach (var text in KeyboardComments)
            {
                db.Comments.Add(new QuettaVoice.Web.Domain.Comment { ArticleId = storyId, AuthorName = "Key Reader", AuthorEmail = "keys@example.pk", Body = text, CreatedAt = TestApp.Start.UtcDateTime });
            }

            return db.SaveChangesAsync();
        });
        var email = await Site.App.CreateUserAsync(Roles.Moderator);
        var withoutScript = await OpenAsync(javaScript: false);
        await SignInToCommentsAsync(withoutScript, email);
        // Its keys work only with the script: without it, their help is not shown either.
        await Assertions.Expect(withoutScript.Locator("[data-keyboard-help]")).ToBeHiddenAsync();
        var moderator = await OpenAsync();
        await SignInToCommentsAsync(moderator, email);
        await Assertions.Expect(moderator.GetByText("Keyboard two.")).ToBeVisibleAsync();
        // The deferred script marks the comments focusable in the same step that it starts listening for keys:
        // keys pressed before that would be lost, as a person's would be.
        await Assertions.Expect(moderator.Locator(".queue .queued").First).ToHaveAttributeAsync("tabindex", "-1");

        await Assertions.Expect(moderator.Locator("[data-keyboard-help]")).ToBeVisibleAsync();

        await moderator.Keyboard.PressAsync("j");
        await moderator.Keyboard.PressAsync("j");
        await moderator.Keyboard.PressAsync("k");
        // Focus leaves the comment: a key pressed now must not act on the comment last reached. A form sent would
        // be seen at once (a button's click submits its form within the key's own event), so it is watched for.
        await moderator.Locator("main h1").ClickAsync();
        await moderator.EvaluateAsync("document.addEventListener('submit', () => { window.sentByStrayKey = true; }, true)");
        await moderator.Keyboard.PressAsync("t");
        Assert.False(await moderator.EvaluateAsync<bool>("window.sentByStrayKey === true"));
        await moderator.Keyboard.PressAsync("j");
        await moderator.Keyboard.PressAsync("s");

        await Assertions.Expect(moderator.Locator(".notice")).ToHaveTextAsync("Done: spam.");
        var moderated = await Site.App.WithDbAsync(db => Task.FromResult(db.Comments.Where(c => c.Body.StartsWith("Keyboard") && c.Status != QuettaVoice.Web.Domain.CommentStatus.Pending).Select(c => c.Body + " " + c.Status).ToList()));
        Assert.Equal(["Keyboard two. Spam"], moderated);
    }
}
