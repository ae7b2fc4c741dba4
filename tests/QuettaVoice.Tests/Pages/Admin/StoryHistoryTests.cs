using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>Nothing written is lost: revisions, two editors at once, old addresses, and the audit log.</summary>
public sealed class StoryHistoryTests : SiteTest
{
    private const string First = "Schools reopened on Monday.\n\nAttendance was low.";
    private const string Second = "Schools reopened on Monday.\n\nAttendance was high in Zhob.";

    private string authorId = "";
    private HttpClient editor = null!;

    public override async Task InitializeAsync()
    {
        authorId = (await App.WithDbAsync(async db =>
        {
            var author = TestData.Author();
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        })).ToString(System.Globalization.CultureInfo.InvariantCulture);
        editor = await App.SignInAsync(Roles.Editor);
    }

    private Dictionary<string, string> Story(string body, string headline = "Schools reopen") =>
        new() { ["Input.Headline"] = headline, ["Input.Body"] = body, ["Input.AuthorId"] = authorId };

    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, string url, Dictionary<string, string> values, string handler)
    {
        var form = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(form, values, "form.story-form", $"button[formaction*='handler={handler}']");
    }

    private async Task<string> PublishNewAsync(string body = First)
    {
        using var response = await PressAsync(editor, "/admin/articles/new", Story(body), "Publish");
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Every_save_is_a_revision_two_can_be_compared_and_an_old_one_restored()
    {
        var editUrl = await PublishNewAsync();
        using var saved = await PressAsync(editor, editUrl, Story(Second), "Save");
        var revisionsUrl = editUrl.Replace("/edit", "/revisions", StringComparison.Ordinal);

        var list = await editor.GetDocumentAsync(revisionsUrl);
        Assert.Equal(2, list.QuerySelectorAll("tbody tr").Length);
        var compared = await editor.GetDocumentAsync(revisionsUrl + $"?a={list.QuerySelectorAll("input[name=a]")[1].GetAttribute("value")}&b={list.QuerySelectorAll("input[name=b]")[0].GetAttribute("value")}");
        Assert.Equal("Removed: Attendance was low.", compared.One(".diff del").Text());
        Assert.Equal("Added: Attendance was high in Zhob.", compared.One(".diff ins").Text());
        Assert.Equal("Schools reopened on Monday.", compared.One(".diff .diff-same").Text());

        var oldest = list.QuerySelectorAll("tbody tr")[1].One("button[form]").GetAttribute("form")!;
        using var restored = await editor.SubmitAsync(list, new Dictionary<string, string>(), $"form#{oldest}");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var story = await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen");
        Assert.Equal("Attendance was low.", story.QuerySelectorAll(".story-body p")[1].Text());
        Assert.Equal(3, (await editor.GetDocumentAsync(revisionsUrl)).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task The_second_of_two_editors_sees_both_versions_and_loses_nothing()
    {
        var editUrl = await PublishNewAsync();
        var other = await App.SignInAsync(Roles.Editor);
        var mine = await editor.GetDocumentAsync(editUrl);
        var theirs = await other.GetDocumentAsync(editUrl);

        using var theirSave = await other.SubmitAsync(theirs, Story("Their words."), "form.story-form", "button[formaction*='handler=Save']");
        using var mySave = await editor.SubmitAsync(mine, Story("My words."), "form.story-form", "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.Conflict, mySave.StatusCode);
        var conflict = await mySave.ParseAsync();
        Assert.Contains("Someone else saved this story while you were editing it.", conflict.One(".form-errors").Text());
        Assert.Equal("Their words.", conflict.One(".conflict-body").Text());
        Assert.Equal("My words.", conflict.One("textarea[name='Input.Body']").TextContent.Trim());

        using var again = await editor.SubmitAsync(conflict, new Dictionary<string, string>(), "form.story-form", "button[formaction*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("My words.", (await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen")).One(".story-body p").Text());
        var revisions = await editor.GetDocumentAsync(editUrl.Replace("/edit", "/revisions", StringComparison.Ordinal));
        Assert.Equal(3, revisions.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task A_published_story_whose_slug_or_date_changes_keeps_its_old_addresses_with_a_301()
    {
        var editUrl = await PublishNewAsync();
        var renamed = Story(First);
        renamed["Input.Slug"] = "schools-reopen-in-quetta";
        using var slugChanged = await PressAsync(editor, editUrl, renamed, "Save");
        var redated = Story(First);
        redated["Input.Slug"] = "schools-reopen-in-quetta";
        redated["Input.PublishAt"] = "2025-07-02T10:00";
        using var dateChanged = await PressAsync(editor, editUrl, redated, "Publish");

        var reader = App.CreateReader();
        foreach (var old in new[] { "/2025/07/03/schools-reopen", "/2025/07/03/schools-reopen-in-quetta" })
        {
            using var response = await reader.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/2025/07/02/schools-reopen-in-quetta", response.Headers.Location!.OriginalString);
        }

        // The old date of the slug it has now: its own old address, with the page of comments asked for kept.
        using var oldCommentPage = await reader.GetAsync("/2025/07/03/schools-reopen-in-quetta/comment-page-2");
        Assert.Equal("/2025/07/02/schools-reopen-in-quetta/comment-page-2", oldCommentPage.Headers.Location!.OriginalString);

        Assert.Equal("Schools reopen", (await reader.GetDocumentAsync("/2025/07/02/schools-reopen-in-quetta")).One("article h1").Text());
    }

    [Fact]
    public async Task An_old_address_leads_to_its_own_story_even_when_a_later_story_has_taken_its_slug()
    {
        var editUrl = await PublishNewAsync();
        var renamed = Story(First);
        renamed["Input.Slug"] = "schools-reopen-in-quetta";
        using var slugChanged = await PressAsync(editor, editUrl, renamed, "Save");
        var again = Story(Second); // "Schools reopen" again, dated the day before
        again["Input.PublishAt"] = "2025-07-02T10:00";
        using var next = await PressAsync(editor, "/admin/articles/new", again, "Publish");

        var reader = App.CreateReader();
        using var old = await reader.GetAsync("/2025/07/03/schools-reopen");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/2025/07/03/schools-reopen-in-quetta", old.Headers.Location!.OriginalString);
        // The slug's new owner is at its own address, and an address that was never another story's still finds it.
        Assert.Contains("Attendance was high in Zhob.", (await reader.GetDocumentAsync("/2025/07/02/schools-reopen")).One(".story-body").Text(), StringComparison.Ordinal);
        using var misdated = await reader.GetAsync("/2025/07/01/schools-reopen");
        Assert.Equal("/2025/07/02/schools-reopen", misdated.Headers.Location!.OriginalString);
        // A page of comments at an old address is that page at the story's address.
        using var oldCommentPage = await reader.GetAsync("/2025/07/03/schools-reopen/comment-page-2");
        Assert.Equal("/2025/07/03/schools-reopen-in-quetta/comment-page-2", oldCommentPage.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_scheduled_story_whose_time_has_come_keeps_its_old_address_when_its_slug_changes()
    {
        var story = Story(First);
        story["Input.PublishAt"] = "2025-07-03T16:30"; // Quetta time: 11:30 UTC, later on the test clock's day
        using var scheduled = await PressAsync(editor, "/admin/articles/new", story, "Publish");
        var editUrl = scheduled.Headers.Location!.OriginalString;
        App.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 3, 12, 0, 0, TimeSpan.Zero)); // out, and shared

        var renamed = Story(First);
        renamed["Input.Slug"] = "schools-reopen-in-quetta";
        using var slugChanged = await PressAsync(editor, editUrl, renamed, "Save");

        using var old = await App.CreateReader().GetAsync("/2025/07/03/schools-reopen");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/2025/07/03/schools-reopen-in-quetta", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Publishing_unpublishing_and_deleting_are_in_the_audit_log_with_who_and_when()
    {
        var editUrl = await PublishNewAsync();
        var page = await editor.GetDocumentAsync(editUrl);
        using var unpublished = await editor.SubmitAsync(page, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']");
        page = await editor.GetDocumentAsync(editUrl);
        using var trashed = await editor.SubmitAsync(page, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");
        var admin = await App.SignInAsync(Roles.Admin);

        var log = await admin.GetDocumentAsync("/admin/audit");

        var rows = log.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToArray()).ToList();
        Assert.Equal(["delete", "unpublish", "publish"], rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Equal("Test Editor", r[1]));
        Assert.All(rows, r => Assert.Equal("3 July 2025, 2:00 pm", r[0]));
        var id = editUrl.Split('/')[3];
        Assert.All(rows, r => Assert.Equal($"story {id}: Schools reopen", r[3]));
    }

    [Theory]
    [InlineData("Unpublish", "Draft", "unpublish", HttpStatusCode.NotFound)]
    [InlineData("Trash", "Trashed", "delete", HttpStatusCode.Gone)]
    public async Task A_story_a_colleague_unpublished_or_trashed_is_not_put_back_from_a_page_opened_before(string handler, string status, string audited, HttpStatusCode offline)
    {
        var editUrl = await PublishNewAsync();
        var stale = await editor.GetDocumentAsync(editUrl);
        var colleague = await App.SignInAsync(Roles.Editor);
        using (var changed = await colleague.SubmitAsync(await colleague.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", $"button[formaction*='handler={handler}']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // The stale page's Publish is a save from an old version: shown both, nothing published.
        using var republished = await editor.SubmitAsync(stale, new Dictionary<string, string>(), "form.story-form", "button[formaction*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Conflict, republished.StatusCode);
        // Its Trash, as a command from an old version, is refused and the page shown as it is now.
        using var trashed = await editor.SubmitAsync(stale, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");
        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        var now = await editor.GetDocumentAsync(trashed.Headers.Location!.OriginalString);
        Assert.StartsWith("Someone else changed this story after you opened it, so nothing was done.", now.One(".notice").Text(), StringComparison.Ordinal);
        Assert.Equal(status, now.One("#story-status").Text());
        using var gone = await App.CreateReader().GetAsync("/2025/07/03/schools-reopen");
        Assert.Equal(offline, gone.StatusCode);
        var log = await (await App.SignInAsync(Roles.Admin)).GetDocumentAsync("/admin/audit");
        Assert.Equal([audited, "publish"], log.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[2].Text()));
    }

    [Fact]
    public async Task A_scheduled_story_restored_from_the_bin_after_its_time_is_published()
    {
        var story = Story(First);
        story["Input.PublishAt"] = "2025-07-03T16:30"; // Quetta time: 11:30 UTC, later on the test clock's day
        using var scheduled = await PressAsync(editor, "/admin/articles/new", story, "Publish");
        var editUrl = scheduled.Headers.Location!.OriginalString;
        using (var trashed = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        }

        App.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 3, 12, 0, 0, TimeSpan.Zero));
        using var restored = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Restore']");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(ArticleStatus.Published, await App.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Schools reopen").Select(a => a.Status).SingleAsync()));
        Assert.Single((await editor.GetDocumentAsync("/admin/articles?status=Published")).QuerySelectorAll(".admin-table tbody tr"));
    }

    [Fact]
    public async Task A_slug_mended_while_the_story_was_unpublished_keeps_the_address_readers_had()
    {
        var editUrl = await PublishNewAsync();
        using (var unpublished = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        var mended = Story(First);
        mended["Input.Slug"] = "schools-reopen-in-quetta";
        mended["Input.PublishAt"] = "2025-07-03T14:00";
        using var republished = await PressAsync(editor, editUrl, mended, "Publish");

        using var old = await App.CreateReader().GetAsync("/2025/07/03/schools-reopen");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/2025/07/03/schools-reopen-in-quetta", old.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("0202-07-03T10:00")]
    [InlineData("2202-07-03T10:00")]
    public async Task A_publication_year_no_address_can_carry_is_refused_beside_its_field(string publishAt)
    {
        var story = Story(First);
        story["Input.PublishAt"] = publishAt;

        using var refused = await PressAsync(editor, "/admin/articles/new", story, "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Enter a time between 1900 and 2099.", page.One("#publish-at-error").Text());
        Assert.Equal(First, page.One("textarea[name='Input.Body']").TextContent.Replace("\r\n", "\n").Trim());
        Assert.Equal(0, await App.WithDbAsync(db => db.Articles.CountAsync(a => a.Headline == "Schools reopen")));
    }

    [Fact]
    public async Task The_audit_log_goes_back_a_hundred_entries_a_page()
    {
        await App.WithDbAsync(db =>
        {
            db.Audit.AddRange(Enumerable.Range(1, 130).Select(i =>
                AuditEntry.Of(null, "Test Editor", "publish", $"story {i}", TestApp.Start.UtcDateTime.AddMinutes(-i))));
            return db.SaveChangesAsync();
        });
        var admin = await App.SignInAsync(Roles.Admin);

        var first = await admin.GetDocumentAsync("/admin/audit");
        var second = await admin.GetDocumentAsync(first.One(".pager a[rel=next]").GetAttribute("href")!);

        Assert.Equal(100, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("story 101", second.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[3].Text());
        Assert.Equal(30, second.QuerySelectorAll("tbody tr").Length);
        using var past = await admin.GetAsync("/admin/audit?paged=3");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }
}
