using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>A reader comments under the seed story; a moderator decides; readers see what was approved.</summary>
public sealed class CommentTests() : SiteTest(seed: true)
{
    private static Dictionary<string, string> Comment(string body = "Thank you for this report.", string name = "Naseer Ahmed", string email = "naseer@example.pk", string website = "") =>
        new() { ["Reply.Body"] = body, ["Reply.Name"] = name, ["Reply.Email"] = email, ["Reply.Website"] = website };

    private static async Task<HttpResponseMessage> PostCommentAsync(HttpClient client, Dictionary<string, string> comment, string url = Seed.Permalink)
    {
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(page, comment, "form.comment-form");
    }

    private async Task ModerateAsync(string action, int commentId)
    {
        var moderator = await App.SignInAsync(Roles.Moderator);
        var queue = await moderator.GetDocumentAsync("/admin/comments?tab=" + (await App.WithDbAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Status).SingleAsync())));
        using var done = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["one"] = $"{action}:{commentId}" }, "form.moderation");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    /// <summary>A comment under the seed story, as if posted five minutes before the test began; its id.</summary>
    private Task<int> AddCommentAsync(CommentStatus status, string body = "A first comment.") => App.WithDbAsync(async db =>
    {
        var comment = TestData.Comment(await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync(), status, body);
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    });

    private Task<List<Comment>> StoredAsync() => App.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task The_form_is_labelled_as_readers_know_it()
    {
        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);

        var form = page.One("#respond");
        Assert.Equal("Leave a Reply", form.One("h3").Text());
        Assert.Equal("Your email address will not be published. Required fields are marked *", form.One(".comment-notes").Text());
        Assert.Equal(["Comment *", "Name *", "Email *", "Website"], form.QuerySelectorAll(".field:not(.honeypot) label").Select(l => l.Text()));
    }

    [Fact]
    public async Task Required_fields_are_announced_as_required_and_the_server_alone_checks_them()
    {
        var form = (await App.CreateReader().GetDocumentAsync(Seed.Permalink)).One("form.comment-form");

        Assert.True(form.HasAttribute("novalidate"));
        Assert.Equal(["Reply.Body", "Reply.Name", "Reply.Email"], form.QuerySelectorAll("[aria-required=true]").Select(f => f.GetAttribute("name")));
        Assert.Null(form.QuerySelector("[required]"));
    }

    [Fact]
    public async Task Names_and_comments_in_urdu_take_their_own_direction_in_the_comments_and_in_the_form()
    {
        var id = await App.WithDbAsync(async db =>
        {
            var comment = TestData.Comment(await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync(), CommentStatus.Approved, "بہت اچھی رپورٹ ہے", "نصیر احمد");
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

        var page = await App.CreateReader().GetDocumentAsync($"{Seed.Permalink}?replyto={id}");

        Assert.Equal("auto", page.One($"#comment-{id} .comment-author").GetAttribute("dir"));
        Assert.Equal("auto", page.One($"#comment-{id} .comment-body").GetAttribute("dir"));
        Assert.Equal("نصیر احمد", page.One("#respond h3 bdi").Text());
        Assert.Equal("Reply to نصیر احمد", page.One("#respond h3").Text());
        Assert.Equal("auto", page.One("textarea[name='Reply.Body']").GetAttribute("dir"));
        Assert.Equal("auto", page.One("input[name='Reply.Name']").GetAttribute("dir"));
    }

    [Fact]
    public async Task A_reader_who_has_not_commented_is_sent_no_cookie_but_the_forms()
    {
        using var response = await App.CreateReader().GetAsync(Seed.Permalink);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Antiforgery.", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_comment_waits_for_a_moderator_and_only_its_writer_sees_it_meanwhile()
    {
        var commenter = App.CreateReader();

        using var posted = await PostCommentAsync(commenter, Comment());

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal($"{Seed.Permalink}#comment-{stored.Id}", posted.Headers.Location!.OriginalString);
        var own = await commenter.GetDocumentAsync(Seed.Permalink);
        Assert.Equal("Your comment is awaiting moderation.", own.One("#comments .notice").Text());
        Assert.Equal("Thank you for this report.", own.One($"#comment-{stored.Id} .comment-body").Text());
        var stranger = await App.CreateReader().GetDocumentAsync(Seed.Permalink);
        Assert.Null(stranger.QuerySelector($"#comment-{stored.Id}"));
    }

    [Fact]
    public async Task Mistakes_are_named_beside_their_fields_and_everything_typed_is_kept()
    {
        var client = App.CreateReader();

        using var response = await PostCommentAsync(client, Comment(body: new string('x', 5001), name: "", email: "not-an-email", website: "ftp://files.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Keep your comment under 5000 characters.", page.One("#comment-body-error").Text());
        Assert.Equal("Enter your name.", page.One("#comment-name-error").Text());
        Assert.Equal("Enter a valid email address, such as name@example.com.", page.One("#comment-email-error").Text());
        Assert.Equal("Enter a website address starting with http:// or https://.", page.One("#comment-website-error").Text());
        Assert.Equal(new string('x', 5001), page.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Equal("true", page.One("textarea[name='Reply.Body']").GetAttribute("aria-invalid"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", (await App.CreateReader().GetDocumentAsync(Seed.Permalink)).Title, StringComparison.Ordinal);
        Assert.Equal("not-an-email", page.ValueOf("Reply.Email"));
        Assert.Equal("ftp://files.example", page.ValueOf("Reply.Website"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_form_shown_again_with_mistakes_is_never_the_form_the_next_reader_gets()
    {
        // The story's plain page is never fetched before the post, so the post is the first to make the form: a
        // reply page gives the form and its token, and the reply's parent is cleared to post a comment of its own.
        var approvedId = await AddCommentAsync(CommentStatus.Approved);
        var writer = App.CreateReader();
        var replyPage = await writer.GetDocumentAsync($"{Seed.Permalink}?replyto={approvedId}");
        Assert.Equal(approvedId.ToString(System.Globalization.CultureInfo.InvariantCulture), replyPage.ValueOf("Reply.ParentId"));

        var mistakes = Comment(body: "Typed but not sent.", email: "not-an-email");
        mistakes["Reply.ParentId"] = "";
        using var response = await writer.SubmitAsync(replyPage, mistakes, "form.comment-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("not-an-email", (await response.ParseAsync()).ValueOf("Reply.Email"));

        var next = await App.CreateReader().GetDocumentAsync(Seed.Permalink);
        Assert.Empty(next.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Empty(next.ValueOf("Reply.Name") ?? "");
        Assert.Empty(next.ValueOf("Reply.Email") ?? "");
        Assert.Empty(next.One("#comment-email-error").Text());
        Assert.Empty(next.ValueOf("Reply.ParentId") ?? "");
    }

    [Fact]
    public async Task A_reply_that_cannot_be_posted_comes_back_as_a_new_comment_the_reader_can_send()
    {
        // A reply to a comment still waiting for a moderator: posted from an old reply form, or a forged one.
        var waitingId = await AddCommentAsync(CommentStatus.Pending, "Not yet approved.");
        var reader = App.CreateReader();
        var reply = Comment(body: "An answer.");
        reply["Reply.ParentId"] = waitingId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await PostCommentAsync(reader, reply);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await refused.ParseAsync();
        Assert.Equal("That comment cannot be answered here; write a new comment instead.", form.One("form.comment-form .form-errors li").Text());
        Assert.Equal("An answer.", form.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Empty(form.ValueOf("Reply.ParentId") ?? "");
        Assert.Equal("Leave a Reply", form.One("#respond h3").Text());
        Assert.EndsWith("?handler=Comment#respond", form.One("form.comment-form").GetAttribute("action"), StringComparison.Ordinal);

        using var sent = await reader.SubmitAsync(form, new Dictionary<string, string>(), "form.comment-form");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var posted = (await StoredAsync()).Last();
        Assert.Equal("An answer.", posted.Body);
        Assert.Null(posted.ParentId);
    }

    [Fact]
    public async Task Cancel_reply_leads_back_to_a_blank_comment_form()
    {
        using var first = await PostCommentAsync(App.CreateReader(), Comment(body: "First."));
        var firstId = (await StoredAsync())[0].Id;
        await ModerateAsync("approve", firstId);
        var reader = App.CreateReader();
        var replyPage = await reader.GetDocumentAsync($"{Seed.Permalink}?replyto={firstId}");
        Assert.Equal("Reply to Naseer Ahmed", replyPage.One("#respond h3").Text());

        var cancelled = await reader.GetDocumentAsync(replyPage.One("#respond a[href$='#respond']").GetAttribute("href")!);

        Assert.Equal("Leave a Reply", cancelled.One("#respond h3").Text());
        Assert.Empty(cancelled.ValueOf("Reply.ParentId") ?? "");
    }

    [Fact]
    public async Task A_comment_the_browser_let_through_its_maxlength_is_not_refused_for_its_line_breaks()
    {
        // 104 lines of 47 characters: 4,991 as the browser counts them, each line break one; it sends each as CRLF.
        var lines = Enumerable.Repeat(new string('a', 47), 104).ToList();
        var asTyped = string.Join("\n", lines);
        Assert.Equal(4991, asTyped.Length);
        var reader = App.CreateReader();
        var page = await reader.GetDocumentAsync(Seed.Permalink);
        Assert.Equal("5000", page.One("textarea[name='Reply.Body']").GetAttribute("maxlength"));

        using var posted = await reader.SubmitAsync(page, Comment(body: string.Join("\r\n", lines)), "form.comment-form");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(asTyped, Assert.Single(await StoredAsync()).Body);
    }

    [Fact]
    public async Task A_comment_with_a_control_character_is_refused_beside_its_field_and_kept_as_typed()
    {
        using var response = await PostCommentAsync(App.CreateReader(), Comment(body: "Good\u0001report"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Your comment has invisible control characters that cannot be shown: type it again without them (the first is on line 1, character 5).", page.One("#comment-body-error").Text());
        Assert.Equal("Good\u0001report", page.One("textarea[name='Reply.Body']").TextContent.Trim());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_reply_id_sent_in_a_body_with_a_get_does_not_change_the_page_readers_are_given()
    {
        var firstId = await AddCommentAsync(CommentStatus.Approved, "Approved.");
        using var request = new HttpRequestMessage(HttpMethod.Get, Seed.Permalink)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["replyTo"] = firstId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };
        using var poisoned = await App.CreateReader().SendAsync(request);
        Assert.Equal("Leave a Reply", (await poisoned.ParseAsync()).One("#respond h3").Text());

        var next = await App.CreateReader().GetDocumentAsync(Seed.Permalink);

        Assert.Equal("Leave a Reply", next.One("#respond h3").Text());
        Assert.Null(next.QuerySelector("meta[name=robots][content*=noindex]"));
    }

    [Fact]
    public async Task Approved_spammed_trashed_and_undone_a_comment_shows_only_while_approved()
    {
        using var posted = await PostCommentAsync(App.CreateReader(), Comment(website: "https://naseer.example.pk"));
        var id = Assert.Single(await StoredAsync()).Id;

        await ModerateAsync("approve", id);
        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);
        var author = page.One($"#comment-{id} a.comment-author");
        Assert.Equal("Naseer Ahmed", author.Text());
        Assert.Equal("nofollow ugc noopener", author.GetAttribute("rel"));
        Assert.Equal("1 comment", page.One("#comments-heading").Text());
        Assert.Equal("NA", page.One($"#comment-{id} .comment-avatar").Text());

        await ModerateAsync("spam", id);
        Assert.Null((await App.CreateReader().GetDocumentAsync(Seed.Permalink)).QuerySelector($"#comment-{id}"));
        await ModerateAsync("undo", id);
        Assert.NotNull((await App.CreateReader().GetDocumentAsync(Seed.Permalink)).QuerySelector($"#comment-{id}"));
        await ModerateAsync("trash", id);
        Assert.Null((await App.CreateReader().GetDocumentAsync(Seed.Permalink)).QuerySelector($"#comment-{id}"));
        Assert.Equal(CommentStatus.Trash, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_tab_of_many_comments_is_paged_and_an_action_comes_back_to_its_page()
    {
        await App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync();
            db.Comments.AddRange(Enumerable.Range(1, 60).Select(i =>
            {
                var comment = TestData.Comment(seed, CommentStatus.Approved, $"Comment number {i}.");
                comment.ModeratedAt = TestApp.Start.UtcDateTime.AddMinutes(-i); // number 1 moderated last
                return comment;
            }));
            await db.SaveChangesAsync();
        });
        var moderator = await App.SignInAsync(Roles.Moderator);

        var first = await moderator.GetDocumentAsync("/admin/comments?tab=Approved");
        var second = await moderator.GetDocumentAsync(first.One(".pager a[rel=next]").GetAttribute("href")!);

        Assert.Equal(50, first.QuerySelectorAll(".queued").Length);
        Assert.Equal(Enumerable.Range(51, 10).Select(i => $"Comment number {i}."), second.QuerySelectorAll(".queued .queued-body").Select(b => b.Text().Trim()));
        var spammed = second.QuerySelectorAll(".queued")[0].GetAttribute("data-comment")!;
        using var done = await moderator.SubmitAsync(second, new Dictionary<string, string> { ["one"] = $"spam:{spammed}" }, "form.moderation");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(9, (await moderator.GetDocumentAsync(done.Headers.Location!.OriginalString)).QuerySelectorAll(".queued").Length);
        // A page no longer there (its comments moderated away) gives way to the last one.
        using var gone = await moderator.GetAsync("/admin/comments?tab=Approved&paged=3");
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Equal("/admin/comments?tab=Approved&paged=2", gone.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Replies_nest_under_what_they_answer_three_levels_deep_through_plain_links()
    {
        using var first = await PostCommentAsync(App.CreateReader(), Comment(body: "First."));
        var firstId = (await StoredAsync())[0].Id;
        await ModerateAsync("approve", firstId);

        var reader = App.CreateReader();
        var replyPage = await reader.GetDocumentAsync(Seed.Permalink);
        var replyLink = replyPage.One($"#comment-{firstId} .comment-reply a").GetAttribute("href")!;
        using var second = await PostCommentAsync(reader, Comment(body: "Second.", name: "Sara"), Seed.Permalink + replyLink.Split('#')[0]);
        var secondId = (await StoredAsync())[1].Id;
        await ModerateAsync("approve", secondId);
        using var third = await PostCommentAsync(reader, Comment(body: "Third.", name: "Bibi"), $"{Seed.Permalink}?replyto={secondId}");
        var thirdId = (await StoredAsync())[2].Id;
        await ModerateAsync("approve", thirdId);

        var page = await App.CreateReader().GetDocumentAsync(Seed.Permalink);
        Assert.Equal(["First.", "Second.", "Third."], page.QuerySelectorAll(".comment .comment-body").Select(b => b.Text()));
        Assert.Equal(["comment depth-1", "comment depth-2", "comment depth-3"], page.QuerySelectorAll("li.comment").Select(l => l.ClassName!.Trim()));
        Assert.Equal(["Comment by Naseer Ahmed", "Reply by Sara to Naseer Ahmed", "Reply by Bibi to Sara"], page.QuerySelectorAll("li.comment > article").Select(a => a.GetAttribute("aria-label")));
        Assert.Null(page.QuerySelector($"#comment-{thirdId} .comment-reply"));
        Assert.Equal(secondId, (await StoredAsync())[2].ParentId);

        // With the comment it answered binned, a reply stands on its own, not under the comment before it.
        await ModerateAsync("trash", secondId);
        var after = await App.CreateReader().GetDocumentAsync(Seed.Permalink);
        Assert.Equal(["comment depth-1", "comment depth-1"], after.QuerySelectorAll("li.comment").Select(l => l.ClassName!.Trim()));
        Assert.Equal(["Comment by Naseer Ahmed", "Comment by Bibi"], after.QuerySelectorAll("li.comment > article").Select(a => a.GetAttribute("aria-label")));
    }

    [Fact]
    public async Task A_form_filled_in_by_a_machine_is_kept_as_spam_and_never_shown()
    {
        var comment = Comment();
        comment["Reply.Homepage"] = "http://cheap-pills.example";

        using var posted = await PostCommentAsync(App.CreateReader(), comment);

        Assert.Equal(CommentStatus.Spam, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_comment_without_a_good_form_token_is_refused_and_kept_to_send_again()
    {
        // A form left open past its token's life, or posted from another site: the post carries no token the site gave.
        var reader = App.CreateReader();

        using var response = await reader.PostAsync(Seed.Permalink + "?handler=Comment", new FormUrlEncodedContent(Comment()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
        var form = await response.ParseAsync();
        Assert.Equal(
            "Your comment was not sent: the form had been open too long, or came from another site. It is kept below; send it again.",
            form.One("form.comment-form .form-errors li").Text());
        Assert.Equal("Thank you for this report.", form.One("textarea[name='Reply.Body']").TextContent.Trim());

        using var again = await reader.SubmitAsync(form, new Dictionary<string, string>(), "form.comment-form");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Thank you for this report.", Assert.Single(await StoredAsync()).Body);
    }

    [Fact]
    public async Task A_reply_refused_for_its_form_token_comes_back_still_a_reply()
    {
        var approvedId = await AddCommentAsync(CommentStatus.Approved);
        var reply = Comment(body: "An answer.");
        reply["Reply.ParentId"] = approvedId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reader = App.CreateReader();

        using var refused = await reader.PostAsync(Seed.Permalink + "?handler=Comment", new FormUrlEncodedContent(reply));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.ParseAsync();
        Assert.Equal("Reply to Bibi Gul", form.One("#respond h3").Text());
        using var again = await reader.SubmitAsync(form, new Dictionary<string, string>(), "form.comment-form");
        Assert.Equal(approvedId, Assert.Single(await StoredAsync(), c => c.Body == "An answer.").ParentId);
    }

    [Fact]
    public async Task A_comment_sent_to_the_address_a_story_had_before_its_slug_changed_follows_the_story()
    {
        const string Renamed = "/2025/07/03/russia-recognises-the-taliban-government";
        var reader = App.CreateReader();
        var open = await reader.GetDocumentAsync(Seed.Permalink);
        // An editor renames the story while the reader writes: its old address is kept, as the story editor keeps it.
        await App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.SingleAsync(a => a.Slug == Seed.Slug);
            seed.Slug = "russia-recognises-the-taliban-government";
            db.Redirects.Add(new ArticleRedirect { OldPath = Seed.Permalink, ArticleId = seed.Id });
            await db.SaveChangesAsync();
        });

        using var moved = await reader.SubmitAsync(open, Comment(body: "Written before the story moved."), "form.comment-form");

        Assert.Equal(HttpStatusCode.PermanentRedirect, moved.StatusCode);
        Assert.Equal(Renamed + "?handler=Comment", moved.Headers.Location!.OriginalString);
        Assert.Empty(await StoredAsync());

        // The browser sends the same form again where it was told to.
        using var resent = await reader.PostAsync(moved.Headers.Location, moved.RequestMessage!.Content);

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.StartsWith(Renamed + "#comment-", resent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Written before the story moved.", Assert.Single(await StoredAsync()).Body);
    }

    [Fact]
    public async Task Closing_comments_keeps_the_approved_ones_and_refuses_new_ones()
    {
        using var posted = await PostCommentAsync(App.CreateReader(), Comment());
        var id = Assert.Single(await StoredAsync()).Id;
        await ModerateAsync("approve", id);
        var reader = App.CreateReader();
        var open = await reader.GetDocumentAsync(Seed.Permalink);
        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync()).CommentsOpen = false;
            await db.SaveChangesAsync();
        });

        var closed = await reader.GetDocumentAsync(Seed.Permalink);
        using var refused = await reader.SubmitAsync(open, Comment(body: "Too late."), "form.comment-form");

        Assert.NotNull(closed.QuerySelector($"#comment-{id}"));
        Assert.Equal("Comments are closed.", closed.One(".comments-closed").Text());
        Assert.Null(closed.QuerySelector("form.comment-form"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task A_comment_sent_after_comments_closed_is_refused_and_shown_back_to_copy_without_its_email()
    {
        var reader = App.CreateReader();
        var open = await reader.GetDocumentAsync(Seed.Permalink);
        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync()).CommentsOpen = false;
            await db.SaveChangesAsync();
        });

        using var refused = await reader.SubmitAsync(open, Comment(body: "Written while it closed.\n\nSecond paragraph."), "form.comment-form");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Comments are closed on this story.", page.One("#respond .form-errors[role=alert] li").Text());
        var kept = page.One("#respond textarea#unsent-comment");
        Assert.True(kept.HasAttribute("readonly"));
        Assert.Equal("auto", kept.GetAttribute("dir"));
        Assert.Equal("Written while it closed.\n\nSecond paragraph.", kept.TextContent);
        Assert.Equal("unsent-comment", page.One("#respond label").GetAttribute("for"));
        Assert.Null(page.QuerySelector("form.comment-form"));
        Assert.DoesNotContain("naseer@example.pk", page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Waiting_comments_are_counted_in_the_newsroom_navigation_and_dashboard()
    {
        using var one = await PostCommentAsync(App.CreateReader(), Comment(body: "One."));
        using var two = await PostCommentAsync(App.CreateReader(), Comment(body: "Two."));
        var editor = await App.SignInAsync(Roles.Editor);

        var dashboard = await editor.GetDocumentAsync("/admin");

        Assert.Equal("Comments (2)", dashboard.One("#nav-comments").Text());
        Assert.Equal("2", dashboard.One("#count-comments").Text());
        var queue = await editor.GetDocumentAsync("/admin/comments");
        Assert.Equal(["One.", "Two."], queue.QuerySelectorAll(".queued-body").Select(b => b.Text()));
        Assert.Equal("naseer@example.pk", queue.QuerySelectorAll(".queued-email")[0].Text());
    }

    [Fact]
    public async Task Nothing_ticked_or_comments_no_longer_there_are_said_so_on_the_page_the_moderator_was_on()
    {
        await App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync();
            db.Comments.AddRange(Enumerable.Range(1, 60).Select(i => TestData.Comment(seed, CommentStatus.Pending, $"Comment number {i}.")));
            await db.SaveChangesAsync();
        });
        var ids = (await StoredAsync()).Select(c => c.Id).ToList();
        var moderator = await App.SignInAsync(Roles.Moderator);
        var second = await moderator.GetDocumentAsync("/admin/comments?tab=Pending&paged=2");

        async Task<string> SendAsync(params (string Name, string Value)[] fields)
        {
            var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Prepend(KeyValuePair.Create("__RequestVerificationToken", second.ValueOf("__RequestVerificationToken")!));
            using var done = await moderator.PostAsync("/admin/comments?tab=Pending&paged=2", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.Equal("/admin/comments?tab=Pending&paged=2", done.Headers.Location!.OriginalString);
            return (await moderator.GetDocumentAsync(done.Headers.Location.OriginalString)).One(".notice").Text();
        }

        Assert.Equal("Tick the comments to act on, then choose what to do.", await SendAsync(("bulk", "approve")));
        Assert.Equal("That comment is no longer here: nothing was done.", await SendAsync(("one", $"approve:{ids.Max() + 1}")));
        Assert.Equal("Done: approve, 1 comment; 1 no longer here.", await SendAsync(("ids", $"{ids[0]}"), ("ids", $"{ids.Max() + 1}"), ("bulk", "approve")));
        Assert.Equal(59, await App.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending)));
    }

    [Fact]
    public async Task Ticked_comments_are_moderated_together_the_tabs_count_them_and_the_audit_log_names_who()
    {
        for (var i = 1; i <= 3; i++)
        {
            using var posted = await PostCommentAsync(App.CreateReader(), Comment(body: $"Bulk {i}."));
        }

        var ids = (await StoredAsync()).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var moderator = await App.SignInAsync(Roles.Moderator);
        var queue = await moderator.GetDocumentAsync("/admin/comments");
        Assert.Equal("Pending (3)", queue.One("#tab-pending").Text());

        // Tick the first and the third, then press "Spam ticked".
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", queue.ValueOf("__RequestVerificationToken")!),
            new("ids", ids[0]), new("ids", ids[2]), new("bulk", "spam"),
        };
        using var done = await moderator.PostAsync("/admin/comments?tab=Pending", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await moderator.GetDocumentAsync("/admin/comments");
        Assert.Equal("Pending (1)", after.One("#tab-pending").Text());
        Assert.Equal("Spam (2)", after.One("#tab-spam").Text());
        Assert.Equal("Done: spam, 2 comments.", after.One(".notice").Text());
        Assert.Equal([CommentStatus.Spam, CommentStatus.Pending, CommentStatus.Spam], (await StoredAsync()).Select(c => c.Status));
        var audit = await App.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "spam comment").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("Test Moderator", a.UserName));
    }
}
