using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>The newsroom writes, previews, publishes and schedules through the form, as an editor at a desk would.</summary>
public sealed class StoryEditorTests : SiteTest
{
    private int authorId;

    public override async Task InitializeAsync() =>
        authorId = await App.WithDbAsync(async db =>
        {
            var author = TestData.Author("Shahzada Zulfiqar");
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        });

    private Dictionary<string, string> Story(string headline = "Schools reopen in Zhob", string body = "QUETTA schools *reopened* on Monday.") => new()
    {
        ["Input.Headline"] = headline,
        ["Input.Body"] = body,
        ["Input.AuthorId"] = authorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Dateline"] = "ZHOB",
        ["Input.Tags"] = "Education, Out-of-school children",
    };

    private static async Task<HttpResponseMessage> SubmitNewAsync(HttpClient client, Dictionary<string, string> story, string handler)
    {
        var form = await client.GetDocumentAsync("/admin/articles/new");
        return await client.SubmitAsync(form, story, "form.story-form", $"button[formaction*='handler={handler}']");
    }

    private Task<Article?> StoryInStoreAsync(string headline) =>
        App.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Headline == headline));

    [Fact]
    public async Task An_editor_publishes_a_story_and_a_reader_finds_it_on_the_front_page()
    {
        var editor = await App.SignInAsync(Roles.Editor);

        using var published = await SubmitNewAsync(editor, Story(), "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var editPage = await editor.GetDocumentAsync(published.Headers.Location!.OriginalString);
        Assert.Equal("Published.", editPage.One(".notice").Text());
        Assert.Equal("Published", editPage.One("#story-status").Text());

        var reader = App.CreateReader();
        var lead = (await reader.GetDocumentAsync("/")).One(".lead-story h3 a");
        Assert.Equal("Schools reopen in Zhob", lead.Text());
        Assert.Equal("/2025/07/03/schools-reopen-in-zhob", lead.GetAttribute("href"));
        var storyPage = await reader.GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob");
        Assert.Equal("reopened", storyPage.One(".story-body em").Text());
        Assert.Equal("ZHOB", storyPage.One(".story-body .dateline").Text());
        Assert.Equal(["Education", "Out-of-school children"], storyPage.QuerySelectorAll(".story-tags a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_storys_tags_come_back_in_its_form_and_a_changed_list_replaces_them()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var published = await SubmitNewAsync(editor, Story(), "Publish");
        var editUrl = published.Headers.Location!.OriginalString;

        var form = await editor.GetDocumentAsync(editUrl);
        Assert.Equal("Education, Out-of-school children", form.ValueOf("Input.Tags"));
        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Tags"] = "Education, Gwadar" }, "form.story-form", "button[formaction*='handler=Publish']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Education", "Gwadar"], (await StoryInStoreAsync("Schools reopen in Zhob"))!.Tags.Select(t => t.Name).Order());
        Assert.Equal("Education, Gwadar", (await editor.GetDocumentAsync(editUrl)).ValueOf("Input.Tags"));
    }

    [Fact]
    public async Task Tags_written_in_urdu_are_tags_of_their_own_each_at_its_own_address()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var schools = Story(headline: "Schools in Turbat");
        schools["Input.Tags"] = "تعلیم";
        var clinics = Story(headline: "Clinics in Turbat");
        clinics["Input.Tags"] = "صحت";

        using var first = await SubmitNewAsync(editor, schools, "Publish");
        using var second = await SubmitNewAsync(editor, clinics, "Publish");

        Assert.Equal(["تعلیم"], (await StoryInStoreAsync("Schools in Turbat"))!.Tags.Select(t => t.Name));
        Assert.Equal(["صحت"], (await StoryInStoreAsync("Clinics in Turbat"))!.Tags.Select(t => t.Name));
        var tagPage = await App.CreateReader().GetDocumentAsync("/tag/" + Uri.EscapeDataString("تعلیم"));
        Assert.Equal(["Schools in Turbat"], tagPage.QuerySelectorAll(".card h3 a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_scheduled_story_stays_hidden_until_its_time_in_quetta()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story(headline: "Budget to be tabled");
        story["Input.PublishAt"] = "2025-07-03T16:30"; // Quetta time: 11:30 UTC, two and a half hours after the clock's start

        using var scheduled = await SubmitNewAsync(editor, story, "Publish");

        Assert.Contains("Scheduled for 3 July 2025, 16:30 Quetta time.", (await editor.GetDocumentAsync(scheduled.Headers.Location!.OriginalString)).One(".notice").Text());
        var reader = App.CreateReader();
        using (var early = await reader.GetAsync("/2025/07/03/budget-to-be-tabled"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        App.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 3, 11, 30, 0, TimeSpan.Zero));

        Assert.Equal("Budget to be tabled", (await reader.GetDocumentAsync("/2025/07/03/budget-to-be-tabled")).One("article h1").Text());
    }

    [Fact]
    public async Task A_story_scheduled_months_ahead_is_saved_and_reaches_the_front_page_on_its_day()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story(headline: "Next year's budget tabled");
        story["Input.PublishAt"] = "2026-01-15T09:00"; // 196 days ahead: longer than any one timer can wait

        using var scheduled = await SubmitNewAsync(editor, story, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.DoesNotContain("Next year's budget tabled", (await App.CreateReader().GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.Zero));
        Assert.Contains("Next year's budget tabled", (await App.CreateReader().GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_story_whose_time_has_come_is_published_in_the_newsroom_too()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story(headline: "Budget tabled");
        story["Input.PublishAt"] = "2025-07-03T14:30"; // Quetta time: half an hour after the clock's start
        using var scheduled = await SubmitNewAsync(editor, story, "Publish");
        var editUrl = scheduled.Headers.Location!.OriginalString;
        Assert.Equal("Scheduled", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());

        App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("Published", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());
        // The schedule's timer marks it published in the store as it wakes, beside this request: waited for, briefly.
        for (var waited = 0; await StoryInStoreAsync("Budget tabled") is { Status: not ArticleStatus.Published } && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        static IEnumerable<string> Listed(AngleSharp.Dom.IDocument list) => list.QuerySelectorAll(".admin-table tbody tr").Select(r => r.QuerySelectorAll("td")[0].Text() + ": " + r.QuerySelectorAll("td")[1].Text());
        Assert.Equal(["Budget tabled: Published"], Listed(await editor.GetDocumentAsync("/admin/articles?status=Published")));
        Assert.Empty(Listed(await editor.GetDocumentAsync("/admin/articles?status=Scheduled")));
    }

    [Fact]
    public async Task A_story_due_after_the_longest_wait_goes_live_when_its_time_comes_not_at_the_wait()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story(headline: "Ten days on");
        story["Input.PublishAt"] = "2025-07-13T14:00"; // ten days after the clock's start: one wait of seven, then three more
        using var scheduled = await SubmitNewAsync(editor, story, "Publish");
        Assert.DoesNotContain("Ten days on", (await App.CreateReader().GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromDays(7));
        Assert.DoesNotContain("Ten days on", (await App.CreateReader().GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        App.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 13, 9, 0, 0, TimeSpan.Zero));

        Assert.Contains("Ten days on", (await App.CreateReader().GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_story_as_readers_will_see_it_and_saves_nothing()
    {
        var editor = await App.SignInAsync(Roles.Editor);

        using var response = await SubmitNewAsync(editor, Story(body: "First **bold** paragraph.\n\n<script>alert(1)</script>"), "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var preview = page.One(".preview .story-body");
        Assert.Equal("bold", preview.One("strong").Text());
        Assert.Equal("ZHOB", preview.One(".dateline").Text());
        Assert.Empty(preview.QuerySelectorAll("script"));
        // The page's one h1 is its own; the preview's headline is a heading under it, as the text's headings are.
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Schools reopen in Zhob", page.One(".preview h2.headline").Text());
        Assert.Equal("First **bold** paragraph.\n\n<script>alert(1)</script>", page.One("textarea[name='Input.Body']").TextContent.Replace("\r\n", "\n").Trim());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
    }

    [Fact]
    public async Task A_story_without_a_headline_is_refused_and_keeps_what_was_typed()
    {
        var editor = await App.SignInAsync(Roles.Editor);

        using var response = await SubmitNewAsync(editor, Story(headline: ""), "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Write a headline.", page.One("#headline-error").Text());
        Assert.Equal("QUETTA schools *reopened* on Monday.", page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Equal("ZHOB", page.ValueOf("Input.Dateline"));
    }

    [Theory]
    [InlineData("Input.Dateline", 81, "#dateline-error")]
    [InlineData("Input.Byline", 101, "#byline-error")]
    [InlineData("Input.Tags", 61, "#tags-error")]
    [InlineData("Input.ImageAlt", 301, "#image-alt-error")]
    [InlineData("Input.ImageCaption", 501, "#image-caption-error")]
    [InlineData("Input.ImageCredit", 201, "#image-credit-error")]
    [InlineData("Input.SectionId", 0, "#section-error")]
    [InlineData("Input.PublishAt", 0, "#publish-at-error")]
    public async Task A_refused_field_is_named_beside_itself_and_everything_typed_is_kept(string field, int length, string errorSelector)
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story();
        story[field] = field switch
        {
            "Input.SectionId" => "99999", // a section since deleted, or a crafted post
            "Input.PublishAt" => "next tuesday",
            _ => new string('x', length),
        };

        using var response = await SubmitNewAsync(editor, story, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotEqual("", page.One(errorSelector).Text());
        Assert.Equal(errorSelector[1..], page.One($"[name='{field}']").GetAttribute("aria-describedby"));
        Assert.Equal("true", page.One($"[name='{field}']").GetAttribute("aria-invalid"));
        Assert.Null(page.One("[name='Input.Body']").GetAttribute("aria-invalid"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("QUETTA schools *reopened* on Monday.", page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
    }

    [Fact]
    public async Task A_tag_too_long_to_keep_is_named_rather_than_dropped()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story();
        var longTag = "Out-of-school children in every district of Balochistan counted";
        story["Input.Tags"] = "Education, " + longTag;
        story["Input.Headline"] = ""; // named together with another mistake, not only once that is mended

        using var response = await SubmitNewAsync(editor, story, "Save");

        var page = await response.ParseAsync();
        Assert.Equal("Write a headline.", page.One("#headline-error").Text());
        Assert.Equal($"Keep each tag under 60 characters: “{longTag}” is {longTag.Length}.", page.One("#tags-error").Text());
        Assert.Equal("Education, " + longTag, page.ValueOf("Input.Tags"));
        Assert.Empty(await App.WithDbAsync(db => db.Articles.ToListAsync()));
    }

    [Fact]
    public async Task A_control_character_pasted_into_a_story_is_named_beside_its_field()
    {
        var editor = await App.SignInAsync(Roles.Editor);

        // A vertical tab, as a line break in a word processor can paste it: no page or feed can show one.
        using var response = await SubmitNewAsync(editor, Story(body: "The first paragraph.\n\nQUETTA: The budget\u000Bwas tabled."), "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Story (Markdown) has invisible control characters that cannot be shown: type it again without them (the first is on line 3, character 19).", page.One("#body-error").Text());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
    }

    [Fact]
    public async Task Two_stories_cannot_share_an_address()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var first = await SubmitNewAsync(editor, Story(), "Save");

        using var second = await SubmitNewAsync(editor, Story(), "Save");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Another story already has the address", (await second.ParseAsync()).One("#slug-error").Text());
    }

    [Fact]
    public async Task An_address_taken_by_another_save_at_the_same_moment_is_refused_and_the_story_kept()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var form = await editor.GetDocumentAsync("/admin/articles/new");
        // Held once it has found the address free; another story takes it meanwhile.
        var hold = App.SqlPause.Next(sql => sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal));
        var saving = editor.SubmitAsync(form, Story(), "form.story-form", "button[formaction*='handler=Save']");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: "Schools reopen in Zhob"));
            await db.SaveChangesAsync();
        });
        hold.Release();

        using var response = await saving;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Another story took the address “schools-reopen-in-zhob” a moment ago. Choose another.", page.One("#slug-error").Text());
        Assert.Equal("QUETTA schools *reopened* on Monday.", page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Single(await App.WithDbAsync(db => db.Articles.ToListAsync()));
    }

    [Fact]
    public async Task A_writer_submits_for_review_and_cannot_publish_even_by_crafting_the_post()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var form = await writer.GetDocumentAsync("/admin/articles/new");
        Assert.Empty(form.QuerySelectorAll("button[formaction*='handler=Publish']"));

        using var submitted = await writer.SubmitAsync(form, Story(), "form.story-form", "button[formaction*='handler=Submit']");
        var editUrl = submitted.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/articles/[0-9]+/edit$", editUrl);
        Assert.Equal(ArticleStatus.InReview, (await StoryInStoreAsync("Schools reopen in Zhob"))!.Status);

        var editPage = await writer.GetDocumentAsync(editUrl);
        var id = editUrl.Split('/')[3];
        var crafted = new Dictionary<string, string>(Story()) { ["__RequestVerificationToken"] = editPage.ValueOf("__RequestVerificationToken")! };
        using var publish = await writer.PostAsync($"/admin/articles/{id}/edit?handler=Publish", new FormUrlEncodedContent(crafted));
        using var newPublish = await writer.PostAsync("/admin/articles/new?handler=Publish", new FormUrlEncodedContent(crafted));
        using var trash = await writer.PostAsync($"/admin/articles/{id}/edit?handler=Trash", new FormUrlEncodedContent(crafted));

        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newPublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trash.StatusCode);
        Assert.Equal(ArticleStatus.InReview, (await StoryInStoreAsync("Schools reopen in Zhob"))!.Status);
        using var reader = await App.CreateReader().GetAsync("/2025/07/03/schools-reopen-in-zhob");
        Assert.Equal(HttpStatusCode.NotFound, reader.StatusCode);
    }

    [Fact]
    public async Task A_writer_whose_story_an_editor_published_meanwhile_is_told_so_and_keeps_what_they_wrote()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        using var submitted = await SubmitNewAsync(writer, Story(), "Submit");
        var editUrl = submitted.Headers.Location!.OriginalString;
        var open = await writer.GetDocumentAsync(editUrl);
        var editor = await App.SignInAsync(Roles.Editor);
        using (var published = await editor.SubmitAsync(await editor.GetDocumentAsync(editUrl), new Dictionary<string, string>(), "form.story-form", "button[formaction*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using var refused = await writer.SubmitAsync(open, new Dictionary<string, string> { ["Input.Body"] = "QUETTA schools reopened on Monday, with new teachers." }, "form.story-form", "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.StartsWith("An editor has taken this story on (it is published now)", page.One(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("QUETTA schools reopened on Monday, with new teachers.", page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Equal("QUETTA schools *reopened* on Monday.", (await StoryInStoreAsync("Schools reopen in Zhob"))!.Body);
    }

    [Theory]
    [InlineData("Preview")]
    [InlineData("Save")]
    public async Task A_text_nested_too_deeply_to_show_is_refused_beside_it_and_kept(string handler)
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var body = new string('>', 5000) + " x";

        using var refused = await SubmitNewAsync(editor, Story(body: body), handler);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal(Web.Rendering.StoryRenderer.TooDeepMessage, page.One("#body-error").Text());
        Assert.Equal(body, page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
    }

    [Fact]
    public async Task A_writer_lists_and_searches_their_own_stories_only()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var others = await SubmitNewAsync(editor, Story(headline: "Embargoed budget leak", body: "The minister resigns on Friday, says bluefalcon."), "Save");
        var writer = await App.SignInAsync(Roles.Writer);
        using var own = await SubmitNewAsync(writer, Story(headline: "Schools reopen in Zhob"), "Save");
        static List<string> Listed(AngleSharp.Dom.IDocument list) => list.QuerySelectorAll(".admin-table tbody tr td:first-child").Select(td => td.Text()).ToList();

        Assert.Equal(["Schools reopen in Zhob"], Listed(await writer.GetDocumentAsync("/admin/articles")));
        Assert.Empty(Listed(await writer.GetDocumentAsync("/admin/articles?q=bluefalcon")));
        Assert.Equal(["Embargoed budget leak"], Listed(await editor.GetDocumentAsync("/admin/articles?q=bluefalcon")));
    }

    [Fact]
    public async Task A_writer_cannot_open_someone_elses_story()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var saved = await SubmitNewAsync(editor, Story(), "Save");
        var writer = await App.SignInAsync(Roles.Writer);

        using var response = await writer.GetAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_writer_cannot_preview_someone_elses_story_by_crafting_the_post()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var saved = await SubmitNewAsync(editor, Story(), "Save");
        var writer = await App.SignInAsync(Roles.Writer);
        var ownForm = await writer.GetDocumentAsync("/admin/articles/new");
        var crafted = new Dictionary<string, string>(Story()) { ["__RequestVerificationToken"] = ownForm.ValueOf("__RequestVerificationToken")! };

        using var preview = await writer.PostAsync(saved.Headers.Location!.OriginalString + "?handler=Preview", new FormUrlEncodedContent(crafted));

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
    }

    [Fact]
    public async Task Unpublishing_takes_a_story_off_the_site_and_trash_then_restore_brings_back_its_state()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var published = await SubmitNewAsync(editor, Story(), "Publish");
        var editUrl = published.Headers.Location!.OriginalString;

        var page = await editor.GetDocumentAsync(editUrl);
        using var unpublished = await editor.SubmitAsync(page, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']");
        using var gone = await App.CreateReader().GetAsync("/2025/07/03/schools-reopen-in-zhob");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("Draft", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());

        page = await editor.GetDocumentAsync(editUrl);
        using var trashed = await editor.SubmitAsync(page, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Trash']");
        Assert.Equal("Trashed", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());
        Assert.DoesNotContain("Schools reopen in Zhob", (await editor.GetDocumentAsync("/admin/articles")).Body!.TextContent);

        page = await editor.GetDocumentAsync(editUrl);
        using var restored = await editor.SubmitAsync(page, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Restore']");
        Assert.Equal("Draft", (await editor.GetDocumentAsync(editUrl)).One("#story-status").Text());
    }

    [Fact]
    public async Task The_story_list_goes_on_to_older_stories_page_by_page()
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            db.Articles.AddRange(Enumerable.Range(1, 30).Select(i => TestData.Article(author, headline: $"Older story {i:D2}", publishedAt: TestApp.Start.AddDays(-i))));
            await db.SaveChangesAsync();
        });
        var editor = await App.SignInAsync(Roles.Editor);

        var first = await editor.GetDocumentAsync("/admin/articles");
        var second = await editor.GetDocumentAsync(first.One(".pager a[rel=next]").GetAttribute("href")!);

        var onFirst = first.QuerySelectorAll(".admin-table tbody a").Select(a => a.Text()).ToList();
        var onSecond = second.QuerySelectorAll(".admin-table tbody a").Select(a => a.Text()).ToList();
        Assert.Equal(25, onFirst.Count);
        Assert.NotEmpty(onSecond);
        Assert.Empty(onFirst.Intersect(onSecond));
        Assert.Contains("Page 2 of", second.One(".pager span").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_list_filters_by_status_and_words()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var draft = await SubmitNewAsync(editor, Story(headline: "A draft about water"), "Save");
        using var live = await SubmitNewAsync(editor, Story(headline: "A published story about roads"), "Publish");

        var drafts = await editor.GetDocumentAsync("/admin/articles?status=Draft");
        var roads = await editor.GetDocumentAsync("/admin/articles?q=roads");

        Assert.Equal(["A draft about water"], drafts.QuerySelectorAll(".admin-table tbody a").Select(a => a.Text()));
        Assert.Equal(["A published story about roads"], roads.QuerySelectorAll(".admin-table tbody a").Select(a => a.Text()));

        // Words as readers search them: in any case, in other forms, a draft's too, and with the other filters.
        async Task<List<string>> ListedAsync(string query) =>
            (await editor.GetDocumentAsync("/admin/articles?" + query)).QuerySelectorAll(".admin-table tbody a").Select(a => a.Text()).ToList();
        Assert.Equal(["A published story about roads"], await ListedAsync("q=ROAD"));
        Assert.Equal(["A draft about water"], await ListedAsync("q=water"));
        Assert.Empty(await ListedAsync("q=water&status=Published"));
        Assert.Empty(await ListedAsync("q=%21%21%21"));
    }

    [Fact]
    public async Task An_editor_illustrates_a_story_with_a_library_picture_its_caption_credit_and_alt_text()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var media = await editor.GetDocumentAsync("/admin/media");
        using var uploaded = await editor.UploadAsync(media, "Image", TestImages.Jpeg(2000, 1200, withGps: true), "classroom.jpg", "image/jpeg", new Dictionary<string, string>());
        var form = await editor.GetDocumentAsync("/admin/articles/new");
        var picture = form.QuerySelectorAll("select[name='Input.MediaId'] option").First(o => o.Text().Contains("classroom.jpg", StringComparison.Ordinal)).GetAttribute("value")!;
        var story = Story();
        story["Input.MediaId"] = picture;
        story["Input.ImageCaption"] = "Pupils back at their desks in Zhob";
        story["Input.ImageCredit"] = "QV photo";
        story["Input.ImageAlt"] = "A classroom of girls in blue uniforms";

        using var published = await editor.SubmitAsync(form, story, "form.story-form", "button[formaction*='handler=Publish']");

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob");
        var image = page.One("article figure img");
        Assert.Equal("A classroom of girls in blue uniforms", image.GetAttribute("alt"));
        Assert.Contains("480w", image.GetAttribute("srcset"));
        Assert.Contains("1600w", image.GetAttribute("srcset"));
        Assert.Equal("1600", image.GetAttribute("width"));
        Assert.Equal("960", image.GetAttribute("height"));
        Assert.Contains("Pupils back at their desks in Zhob", page.One("article figcaption").Text());
        Assert.Contains("QV photo", page.One("article figcaption").Text());
        Assert.NotNull((await editor.GetDocumentAsync(published.Headers.Location!.OriginalString)).QuerySelector(".picture-chosen"));
    }

    [Fact]
    public async Task A_picture_that_is_not_in_the_library_is_refused()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story();
        story["Input.MediaId"] = "999";
        var form = await editor.GetDocumentAsync("/admin/articles/new");
        form.One("select[name='Input.MediaId']").InnerHtml += "<option value=\"999\">forged</option>";

        using var response = await editor.SubmitAsync(form, story, "form.story-form", "button[formaction*='handler=Save']");

        Assert.Equal("Choose a picture from the media library.", (await response.ParseAsync()).One("#picture-error").Text());
    }

    [Fact]
    public async Task A_picture_in_the_text_from_outside_the_library_is_refused_with_its_address_and_one_from_the_library_is_published()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var text = "Pupils crowded the gate.\n\n![The school gate](https://example.org/gate.jpg)\n\n![](/media/0123456789abcdef0123456789abcdef-960.jpg)";

        using var refused = await SubmitNewAsync(editor, Story(body: text), "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("these do not: https://example.org/gate.jpg, /media/0123456789abcdef0123456789abcdef-960.jpg. Upload them on the Media page", page.One("#body-error").Text());
        Assert.Equal(text, page.One("textarea[name='Input.Body']").TextContent.Replace("\r\n", "\n").Trim());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));

        // Preview says so too, and shows the picture as readers would get it: a link.
        using var previewed = await SubmitNewAsync(editor, Story(body: text), "Preview");
        var preview = await previewed.ParseAsync();
        Assert.Contains("these do not: https://example.org/gate.jpg", preview.One("#body-error").Text());
        Assert.Equal("Picture: The school gate", preview.One(".preview .story-body a[href='https://example.org/gate.jpg']").Text());

        using var uploaded = await editor.UploadAsync(await editor.GetDocumentAsync("/admin/media"), "Image", TestImages.Jpeg(1200, 800), "gate.jpg", "image/jpeg");
        var line = (await editor.GetDocumentAsync("/admin/media")).One(".media-markdown input").GetAttribute("value")!;
        using var published = await SubmitNewAsync(editor, Story(body: "Pupils crowded the gate.\n\n" + line), "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var picture = (await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob")).One(".story-body img");
        Assert.Equal(("1200", "800"), (picture.GetAttribute("width"), picture.GetAttribute("height")));
    }

    /// <summary>The editor's form as a browser sends it with a file chosen: multipart, every field, the token.</summary>
    private static async Task<HttpResponseMessage> SubmitWithPictureAsync(HttpClient client, Dictionary<string, string> story, byte[] picture, string handler)
    {
        var form = await client.GetDocumentAsync("/admin/articles/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.ValueOf("__RequestVerificationToken")!), "__RequestVerificationToken" },
            { new ByteArrayContent(picture), "Upload", "from-the-field.jpg" },
        };
        foreach (var (name, value) in story)
        {
            content.Add(new StringContent(value), name);
        }

        return await client.PostAsync($"/admin/articles/new?handler={handler}", content);
    }

    [Fact]
    public async Task A_picture_uploaded_with_the_story_joins_the_library_and_illustrates_it()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story();
        story["Input.ImageAlt"] = "Reporters at work";

        using var published = await SubmitWithPictureAsync(editor, story, TestImages.Jpeg(1200, 800, withGps: true), "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var item = Assert.Single(await App.WithDbAsync(db => db.Media.AsNoTracking().ToListAsync()));
        Assert.Equal("from-the-field.jpg", item.OriginalFileName);
        var image = (await App.CreateReader().GetDocumentAsync("/2025/07/03/schools-reopen-in-zhob")).One("article figure img");
        Assert.Equal("Reporters at work", image.GetAttribute("alt"));
        Assert.Contains(item.FileName(960), image.GetAttribute("srcset"));
    }

    [Fact]
    public async Task An_alt_text_too_long_is_refused_beside_its_field_and_never_reaches_the_library()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var story = Story();
        story["Input.ImageAlt"] = new string('x', 301);

        using var response = await SubmitWithPictureAsync(editor, story, TestImages.Jpeg(1200, 800), "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The field Image description for readers who cannot see it (alt text) must be a string with a maximum length of 300.", (await response.ParseAsync()).One("#image-alt-error").Text());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
        Assert.All(await App.WithDbAsync(db => db.Media.AsNoTracking().ToListAsync()), item => Assert.Null(item.AltText));
    }

    [Theory]
    [InlineData("too-large")]
    [InlineData("corrupt")]
    public async Task A_refused_picture_is_explained_and_the_story_typed_so_far_is_kept(string kind)
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var picture = kind == "too-large" ? TestImages.OversizedJpeg(11 * 1024 * 1024) : TestImages.TruncatedJpeg();

        using var response = await SubmitWithPictureAsync(editor, Story(), picture, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotEqual("", page.One("#upload-error").Text());
        Assert.Equal("Schools reopen in Zhob", page.ValueOf("Input.Headline"));
        Assert.Equal("QUETTA schools *reopened* on Monday.", page.One("textarea[name='Input.Body']").TextContent.Trim());
        Assert.Null(await StoryInStoreAsync("Schools reopen in Zhob"));
        Assert.Empty(await App.WithDbAsync(db => db.Media.ToListAsync()));
    }
}
