using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Caching;

/// <summary>
/// Readers share cached pages, so these check what a cache gets wrong: a change must show on the next
/// request, and a page made for one person must never reach another.
/// </summary>
public sealed class PageCacheTests() : SiteTest(seed: true)
{
    /// <summary>What a current browser asks for; over HTTPS, as here, it is sent Brotli.</summary>
    private const string BrowserEncodings = "gzip, deflate, br, zstd";

    private static Dictionary<string, string> Comment(string body = "Well reported.") =>
        new() { ["Reply.Body"] = body, ["Reply.Name"] = "Naseer Ahmed", ["Reply.Email"] = "naseer@example.pk", ["Reply.Website"] = "" };

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? App.CreateReader()).GetAsync(url);
        return (response, await response.ParseAsync());
    }

    private Task<int> SeedIdAsync() => App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync());

    private async Task EditSeedAsync(HttpClient editor, Dictionary<string, string> changes, string handler)
    {
        var editUrl = $"/admin/articles/{await SeedIdAsync()}/edit";
        var form = await editor.GetDocumentAsync(editUrl);
        using var saved = handler == "Publish"
            ? await editor.SubmitAsync(form, changes, "form.story-form", "button[formaction*='handler=Publish']")
            : await editor.SubmitAsync(form, changes, "form.story-state-actions", $"button[formaction*='handler={handler}']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>An editor publishes a new story through the newsroom's form.</summary>
    private async Task PublishNewStoryAsync(string headline)
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var authorId = await App.WithDbAsync(db => db.Authors.Select(a => a.Id).FirstAsync());
        using var published = await editor.SubmitAsync(await editor.GetDocumentAsync("/admin/articles/new"), new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.Body"] = "Schools reopened on Monday.",
            ["Input.AuthorId"] = authorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form.story-form", "button[formaction*='handler=Publish']");
    }

    /// <summary>A reader's comment under the seed story, its id, and a moderator's hand on it: (action, tab the comment is in).</summary>
    private async Task<(int Id, Func<string, string, Task> ModerateAsync)> CommentToModerateAsync(string body)
    {
        var commenter = App.CreateReader();
        using var posted = await commenter.SubmitAsync(await commenter.GetDocumentAsync(Seed.Permalink), Comment(body), "form.comment-form");
        var id = await App.WithDbAsync(db => db.Comments.Select(c => c.Id).SingleAsync());
        var moderator = await App.SignInAsync(Roles.Moderator);
        return (id, async (action, tab) =>
        {
            var queue = await moderator.GetDocumentAsync($"/admin/comments?tab={tab}");
            using var done = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["one"] = $"{action}:{id}" }, "form.moderation");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        });
    }

    [Fact]
    public async Task Readers_share_one_cached_copy_of_a_page()
    {
        using var first = await App.CreateReader().GetAsync("/");
        using var second = await App.CreateReader().GetAsync("/");

        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task A_made_up_host_name_is_served_the_readers_copy_and_makes_none_of_its_own()
    {
        using var first = await App.CreateReader().GetAsync("/");

        // Each of these was a copy of its own before: enough of them pushed the readers' pages out of the cache.
        foreach (var host in new[] { "x1.example", "x2.example", "QUETTAVOICE.example:8080" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = host;
            using var response = await App.CreateReader().SendAsync(request);
            Assert.True(response.Headers.Age is not null, $"Host {host} was not served from the cache");
            Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_reply_address_that_answers_no_comment_gets_the_plain_story_and_is_not_kept()
    {
        var commentId = await App.WithDbAsync(async db =>
        {
            var comment = TestData.Comment(await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync(), CommentStatus.Approved, "Well reported.", "Naseer Ahmed");
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
        // No value is the plain page: made for it, it is the copy the plain address is then served.
        using var empty = await App.CreateReader().GetAsync($"{Seed.Permalink}?replyto=");
        using var plain = await App.CreateReader().GetAsync(Seed.Permalink);
        Assert.NotNull(plain.Headers.Age);
        Assert.Equal(empty.Headers.ETag, plain.Headers.ETag);

        foreach (var madeUp in new[] { "abc", "999999", $"{commentId}0" })
        {
            var url = $"{Seed.Permalink}?replyto={madeUp}";
            using var first = await App.CreateReader().GetAsync(url);
            var (again, page) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("Leave a Reply", page.One("#respond h3").Text());
            Assert.True(again.Headers.Age is null, $"replyto={madeUp} was kept as a copy of its own");
        }

        // The right comment written otherwise answers it, but each spelling is not kept as a copy of its own.
        foreach (var spelling in new[] { $"0{commentId}", $"{commentId}&replyto=abc" })
        {
            var url = $"{Seed.Permalink}?replyto={spelling}";
            using var first = await App.CreateReader().GetAsync(url);
            var (again, page) = await GetAsync(url);
            Assert.Equal("Reply to Naseer Ahmed", page.One("#respond h3").Text());
            Assert.True(again.Headers.Age is null, $"replyto={spelling} was kept as a copy of its own");
        }

        // The form answering a comment on the page is a page of its own, kept; the plain page's copy is still there.
        using var reply = await App.CreateReader().GetAsync($"{Seed.Permalink}?replyto={commentId}");
        var (replyAgain, replyPage) = await GetAsync($"{Seed.Permalink}?replyto={commentId}");
        Assert.NotNull(replyAgain.Headers.Age);
        Assert.Equal("Reply to Naseer Ahmed", replyPage.One("#respond h3").Text());
        using var plainAgain = await App.CreateReader().GetAsync(Seed.Permalink);
        Assert.NotNull(plainAgain.Headers.Age);
        Assert.Equal(plain.Headers.ETag, plainAgain.Headers.ETag);
    }

    [Fact]
    public async Task A_published_story_is_on_the_next_front_page()
    {
        var (_, before) = await GetAsync("/");
        Assert.Equal(Seed.Headline, before.One(".lead-story h3 a").Text());
        await PublishNewStoryAsync("Quetta schools reopen after the heatwave");

        var (_, after) = await GetAsync("/");
        Assert.Equal("Quetta schools reopen after the heatwave", after.One(".lead-story h3 a").Text());
        var feed = await App.CreateReader().GetStringAsync("/feed");
        Assert.Contains("Quetta schools reopen after the heatwave", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_search_is_cached_on_its_own_and_a_published_story_is_found_at_once()
    {
        const string Found = "#results-heading";
        using var first = await App.CreateReader().GetAsync("/search?q=Taliban");
        var (again, page) = await GetAsync("/search?q=Taliban");
        Assert.Equal(first.Headers.ETag, again.Headers.ETag); // the same cached copy
        Assert.NotNull(again.Headers.Age);
        Assert.Equal("1 story matches “Taliban”", page.One(Found).Text());
        var (otherWords, nothingYet) = await GetAsync("/search?q=heatwave");
        Assert.NotEqual(first.Headers.ETag, otherWords.Headers.ETag);
        Assert.StartsWith("No stories match “heatwave”", nothingYet.One("p.calm").Text(), StringComparison.Ordinal);

        await PublishNewStoryAsync("Quetta schools reopen after the heatwave");

        var (_, found) = await GetAsync("/search?q=heatwave");
        Assert.Equal("1 story matches “heatwave”", found.One(Found).Text());
        Assert.Equal("Quetta schools reopen after the heatwave", found.One(".search-results .card-headline a").Text());
    }

    [Fact]
    public async Task A_query_value_cannot_choose_which_page_a_cached_address_shows()
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            db.Articles.AddRange(Enumerable.Range(1, 12).Select(i =>
                TestData.Article(author, headline: $"Pishin apple harvest report {i}", publishedAt: TestApp.Start.AddDays(-i))));
            await db.SaveChangesAsync();
        });

        // The second page is at /search/page/2; asked for in the query, it must not become the first page's copy.
        var (_, asked) = await GetAsync("/search?q=Pishin&pageNumber=2");
        var (_, next) = await GetAsync("/search?q=Pishin");

        Assert.Equal(10, asked.QuerySelectorAll(".search-results li").Length);
        Assert.Equal(10, next.QuerySelectorAll(".search-results li").Length);
        Assert.Equal("1", next.One(".search-results").GetAttribute("start"));
    }

    [Fact]
    public async Task An_edited_story_shows_its_new_words_on_the_next_request()
    {
        await GetAsync(Seed.Permalink);
        await GetAsync("/");

        await EditSeedAsync(await App.SignInAsync(Roles.Editor), new() { ["Input.Standfirst"] = "Moscow accepts a Taliban ambassador." }, "Publish");

        Assert.Equal("Moscow accepts a Taliban ambassador.", (await GetAsync(Seed.Permalink)).Page.One(".standfirst").Text());
        Assert.Equal("Moscow accepts a Taliban ambassador.", (await GetAsync("/")).Page.One(".lead-story .teaser").Text());
    }

    [Fact]
    public async Task The_front_pages_section_blocks_show_what_was_saved_to_their_stories_authors_and_sections_on_the_next_request()
    {
        var storyId = await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(TestData.Author("Nazia Baloch"), headline: "Girls' schools reopen in Zhob", section: await db.Sections.SingleAsync(s => s.Slug == "education"));
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        IElement Card(IDocument front) => front.One("#section-education").ParentElement!.One(".card");
        Assert.Equal("Girls' schools reopen in Zhob", Card((await GetAsync("/")).Page).One(".card-headline").Text());

        // Each kind of save on its own, the front page read between them.
        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == storyId)).Standfirst = "Forty schools open their doors again after the floods.";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Forty schools open their doors again after the floods.", Card((await GetAsync("/")).Page).One(".teaser").Text());

        await App.WithDbAsync(async db =>
        {
            (await db.Authors.SingleAsync(a => a.Articles.Any(s => s.Id == storyId))).Name = "Nazia Baloch Marri";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Nazia Baloch Marri", Card((await GetAsync("/")).Page).One(".meta span").Text());

        await App.WithDbAsync(async db =>
        {
            (await db.Sections.SingleAsync(s => s.Slug == "education")).Name = "Schools";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Schools", Card((await GetAsync("/")).Page).One(".section-label").Text());

        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == storyId)).Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });

        Assert.Null((await GetAsync("/")).Page.QuerySelector("#section-education"));
    }

    [Fact]
    public async Task A_story_published_or_renamed_in_a_section_is_offered_under_its_neighbours_on_the_next_request()
    {
        async Task<int> AddAsync(string headline) => await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(await db.Authors.FirstAsync(), headline: headline, section: await db.Sections.SingleAsync(s => s.Slug == "health"));
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        await AddAsync("Polio drive reaches Chaman");
        var first = (await GetAsync("/category/health")).Page.One(".card-headline a").GetAttribute("href")!;
        Assert.Null((await GetAsync(first)).Page.QuerySelector(".more-from-section"));

        var secondId = await AddAsync("Measles cases fall in Sibi");
        Assert.Equal("Measles cases fall in Sibi", (await GetAsync(first)).Page.One(".more-from-section .card-headline").Text());

        await App.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == secondId)).Headline = "Measles cases halve in Sibi";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Measles cases halve in Sibi", (await GetAsync(first)).Page.One(".more-from-section .card-headline").Text());
    }

    [Fact]
    public async Task A_renamed_author_is_named_anew_under_other_writers_stories_on_the_next_request()
    {
        var other = await App.WithDbAsync(async db =>
        {
            var health = await db.Sections.SingleAsync(s => s.Slug == "health");
            db.Articles.Add(TestData.Article(TestData.Author("Nazia Baloch"), headline: "Polio drive reaches Chaman", section: health));
            var story = TestData.Article(await db.Authors.FirstAsync(), headline: "Measles cases fall in Sibi", section: health);
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        var page = (await GetAsync("/category/health")).Page.QuerySelectorAll(".card-headline a").Single(a => a.Text() == "Measles cases fall in Sibi").GetAttribute("href")!;
        Assert.Equal("Nazia Baloch", (await GetAsync(page)).Page.One(".more-from-section .meta span").Text());

        await App.WithDbAsync(async db =>
        {
            (await db.Authors.SingleAsync(a => a.Name == "Nazia Baloch")).Name = "Nazia Baloch Marri";
            await db.SaveChangesAsync();
        });

        Assert.Equal("Nazia Baloch Marri", (await GetAsync(page)).Page.One(".more-from-section .meta span").Text());
    }

    [Fact]
    public async Task A_new_author_evicts_no_page_since_no_page_names_them_yet()
    {
        var before = (await GetAsync("/")).Page.One(".lead-story h3 a").Text();
        // A change no save announces: only a page made anew would show it.
        await App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, "Changed behind the cache's back")));

        await App.WithDbAsync(async db =>
        {
            db.Authors.Add(TestData.Author("Nazia Baloch"));
            await db.SaveChangesAsync();
        });

        Assert.Equal(before, (await GetAsync("/")).Page.One(".lead-story h3 a").Text());
    }

    [Fact]
    public async Task An_unpublished_story_is_gone_on_the_next_request()
    {
        await GetAsync(Seed.Permalink);
        await GetAsync("/");

        await EditSeedAsync(await App.SignInAsync(Roles.Editor), [], "Unpublish");

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Seed.Permalink)).Response.StatusCode);
        Assert.Empty((await GetAsync("/")).Page.QuerySelectorAll(".lead-story"));
    }

    /// <summary>
    /// A reader asks for the seed story, not yet cached; their request is held once it has read the story, and
    /// an editor unpublishes it meanwhile. The request goes on when the hold is released.
    /// </summary>
    private async Task<(Task<(HttpResponseMessage Response, IDocument Page)> Reading, Hold Hold)> ReadSeedWhileItIsUnpublishedAsync()
    {
        // The masthead's sections are read now, so the held query is the story's own.
        await GetAsync("/");
        var hold = App.SqlPause.Next(sql => sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal));
        var reading = GetAsync(Seed.Permalink);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await EditSeedAsync(await App.SignInAsync(Roles.Editor), [], "Unpublish");
        return (reading, hold);
    }

    [Fact]
    public async Task A_story_unpublished_while_a_reader_is_being_served_it_is_gone_for_the_next_reader()
    {
        var (reading, hold) = await ReadSeedWhileItIsUnpublishedAsync();
        hold.Release();

        // That reader asked before the editor: they are sent the story as it was.
        Assert.Equal(HttpStatusCode.OK, (await reading).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Seed.Permalink)).Response.StatusCode);
    }

    [Fact]
    public async Task A_reader_who_asks_after_the_story_was_unpublished_is_not_handed_a_copy_begun_before()
    {
        var (reading, hold) = await ReadSeedWhileItIsUnpublishedAsync();

        // The cache makes readers of a page being made wait for it rather than make it again; this one is
        // given time to join the wait. Were it late, it would make the page itself and the test could not fail.
        var next = GetAsync(Seed.Permalink);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        hold.Release();

        Assert.Equal(HttpStatusCode.OK, (await reading).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await next).Response.StatusCode);
    }

    [Fact]
    public async Task A_story_unpublished_while_its_page_is_being_stored_is_gone_for_the_next_reader()
    {
        await GetAsync("/");
        var story = CacheTags.Story(await SeedIdAsync());
        var storing = App.PageStorePause.Next(tags => tags.Contains(story));
        var reading = GetAsync(Seed.Permalink);
        await storing.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // The page was made and checked before the editor's eviction, which finds nothing stored yet.
        await EditSeedAsync(await App.SignInAsync(Roles.Editor), [], "Unpublish");
        storing.Release();

        Assert.Equal(HttpStatusCode.OK, (await reading).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Seed.Permalink)).Response.StatusCode);
    }

    [Fact]
    public async Task A_page_found_stale_once_stored_is_dropped_alone_and_other_cached_pages_stay()
    {
        var (id, ModerateAsync) = await CommentToModerateAsync("Well reported.");

        await ModerateAsync("approve", "Pending");
        await GetAsync("/");
        Assert.NotNull((await GetAsync("/")).Response.Headers.Age);

        var story = CacheTags.Story(await SeedIdAsync());
        var storing = App.PageStorePause.Next(tags => tags.Contains(story));
        var reading = GetAsync(Seed.Permalink);
        await storing.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        // The page, made with the comment, is stored after the comment was binned: the store finds it stale.
        await ModerateAsync("trash", "Approved");
        storing.Release();
        Assert.NotNull((await reading).Page.QuerySelector($"#comment-{id}"));

        Assert.Null((await GetAsync(Seed.Permalink)).Page.QuerySelector($"#comment-{id}"));
        // The binning changed only the story's page; the front page stays cached for every reader.
        Assert.NotNull((await GetAsync("/")).Response.Headers.Age);
    }

    [Fact]
    public async Task A_story_unpublished_while_the_page_store_is_down_is_gone_once_it_answers_again()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Seed.Permalink)).Response.StatusCode);

        App.CacheOutage.IsOn = true;
        await EditSeedAsync(editor, [], "Unpublish");
        // The stored page cannot be evicted meanwhile, and readers are still sent it, as Redis would.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Seed.Permalink)).Response.StatusCode);

        App.CacheOutage.IsOn = false;
        App.Clock.Advance(EvictionRetry.Interval);
        var status = HttpStatusCode.OK;
        for (var tries = 0; tries < 50 && status != HttpStatusCode.NotFound; tries++)
        {
            status = (await GetAsync(Seed.Permalink)).Response.StatusCode;
            await Task.Delay(TimeSpan.FromMilliseconds(status == HttpStatusCode.NotFound ? 0 : 100));
        }

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_pictures_new_alt_text_alone_shows_on_the_next_request()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var uploaded = await editor.UploadAsync(await editor.GetDocumentAsync("/admin/media"), "Image", TestImages.Jpeg(1200, 800), "quetta.jpg", "image/jpeg", new Dictionary<string, string>());
        var mediaId = await App.WithDbAsync(db => db.Media.Select(m => m.Id).SingleAsync());
        await EditSeedAsync(editor, new() { ["Input.MediaId"] = $"{mediaId}", ["Input.ImageAlt"] = "Hanna Lake at dawn" }, "Publish");
        Assert.Equal("Hanna Lake at dawn", (await GetAsync(Seed.Permalink)).Page.One(".featured-image img").GetAttribute("alt"));

        await EditSeedAsync(editor, new() { ["Input.MediaId"] = $"{mediaId}", ["Input.ImageAlt"] = "Boats on Hanna Lake at dawn" }, "Publish");

        Assert.Equal("Boats on Hanna Lake at dawn", (await GetAsync(Seed.Permalink)).Page.One(".featured-image img").GetAttribute("alt"));
    }

    [Fact]
    public async Task A_picture_changed_on_its_own_by_any_writer_shows_on_the_next_request()
    {
        // The picture is stored as part of its story: a writer that changes the picture alone changes no story column.
        Task SetPictureAsync(string caption) => App.WithDbAsync(async db =>
        {
            var story = await db.Articles.SingleAsync(a => a.Slug == Seed.Slug);
            story.FeaturedImage.Path = "/wp-content/uploads/2025/07/afghan-embassy-moscow.jpg";
            story.FeaturedImage.Caption = caption;
            story.FeaturedImage.AltText = caption;
            await db.SaveChangesAsync();
        });
        await SetPictureAsync("The Afghan embassy in Moscow.");
        var before = (await GetAsync(Seed.Permalink)).Page;
        Assert.Equal("The Afghan embassy in Moscow.", before.One(".featured-image figcaption").Text());

        await SetPictureAsync("The Afghan embassy in Moscow, with the Taliban's flag.");

        var after = (await GetAsync(Seed.Permalink)).Page;
        Assert.Equal("The Afghan embassy in Moscow, with the Taliban's flag.", after.One(".featured-image figcaption").Text());
        Assert.Equal("The Afghan embassy in Moscow, with the Taliban's flag.", after.One(".featured-image img").GetAttribute("alt"));
    }

    [Fact]
    public async Task An_approved_comment_is_visible_to_the_next_reader()
    {
        var commenter = App.CreateReader();
        using var posted = await commenter.SubmitAsync(await commenter.GetDocumentAsync(Seed.Permalink), Comment(), "form.comment-form");
        var id = await App.WithDbAsync(db => db.Comments.Select(c => c.Id).SingleAsync());
        Assert.Null((await GetAsync(Seed.Permalink)).Page.QuerySelector($"#comment-{id}"));

        var moderator = await App.SignInAsync(Roles.Moderator);
        var queue = await moderator.GetDocumentAsync("/admin/comments");
        using var approved = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["one"] = $"approve:{id}" }, "form.moderation");

        Assert.NotNull((await GetAsync(Seed.Permalink)).Page.QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task A_comment_binned_marked_as_spam_or_brought_back_shows_so_to_the_next_reader()
    {
        var (id, ModerateAsync) = await CommentToModerateAsync("The schools in Kech need teachers.");

        async Task<bool> ShownAsync() => (await GetAsync(Seed.Permalink)).Page.QuerySelector($"#comment-{id}") is not null;

        await ModerateAsync("approve", "Pending");
        Assert.True(await ShownAsync());
        await ModerateAsync("trash", "Approved");
        Assert.False(await ShownAsync());
        await ModerateAsync("undo", "Trash");
        Assert.True(await ShownAsync());
        await ModerateAsync("spam", "Approved");
        Assert.False(await ShownAsync());
    }

    [Fact]
    public async Task A_page_made_for_a_signed_in_editor_never_reaches_a_reader_and_the_other_way_round()
    {
        var editor = await App.SignInAsync(Roles.Editor);

        var (_, editorsFirst) = await GetAsync(Seed.Permalink, editor);
        var (_, readersAfter) = await GetAsync(Seed.Permalink);
        var (_, editorsAgain) = await GetAsync(Seed.Permalink, editor);

        Assert.Equal("Edit this story", editorsFirst.One(".newsroom-link a").Text());
        Assert.Null(readersAfter.QuerySelector(".newsroom-link"));
        Assert.Equal("Edit this story", editorsAgain.One(".newsroom-link a").Text());
    }

    [Fact]
    public async Task A_commenters_waiting_comment_is_never_served_to_another_reader()
    {
        var commenter = App.CreateReader();
        using var posted = await commenter.SubmitAsync(await commenter.GetDocumentAsync(Seed.Permalink), Comment(body: "Only I see this yet."), "form.comment-form");
        var (_, own) = await GetAsync(Seed.Permalink, commenter);
        var (_, ownAgain) = await GetAsync(Seed.Permalink, commenter);
        var (_, stranger) = await GetAsync(Seed.Permalink);

        Assert.Contains("Only I see this yet.", own.One("#comments").TextContent, StringComparison.Ordinal);
        Assert.Contains("Only I see this yet.", ownAgain.One("#comments").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Only I see this yet.", stranger.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commenter_is_served_the_shared_pages_everywhere_but_on_the_story_where_their_comment_waits()
    {
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author(), headline: "Schools reopen in Kech"));
            await db.SaveChangesAsync();
        });
        var (_, front) = await GetAsync("/");
        var otherStory = front.QuerySelectorAll("a").Single(a => a.TextContent == "Schools reopen in Kech").GetAttribute("href")!;
        using (await App.CreateReader().GetAsync(otherStory)) { } // the other story is cached too

        var commenter = App.CreateReader();
        using var posted = await commenter.SubmitAsync(await commenter.GetDocumentAsync(Seed.Permalink), Comment(body: "Only I see this yet."), "form.comment-form");
        using (await commenter.GetAsync(posted.Headers.Location)) { } // where the browser goes next: the comment's place, with its one-time message
        var (frontResponse, _) = await GetAsync("/", commenter);
        var (otherResponse, otherPage) = await GetAsync(otherStory, commenter);
        var (ownResponse, ownPage) = await GetAsync(Seed.Permalink, commenter);

        Assert.NotNull(frontResponse.Headers.Age); // the copy every reader gets
        Assert.NotNull(otherResponse.Headers.Age);
        Assert.DoesNotContain("Only I see this yet.", otherPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(ownResponse.Headers.Age); // made for the commenter alone
        Assert.Contains("Only I see this yet.", ownPage.One("#comments").TextContent, StringComparison.Ordinal);
        // The browser sends the cookie with the story's pages of comments too: they are below its address.
        var cookie = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(QuettaVoice.Web.Comments.PendingComments.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains($"path={Seed.Permalink};", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_with_errors_is_never_cached()
    {
        var reader = App.CreateReader();
        using var refused = await reader.SubmitAsync(await reader.GetDocumentAsync(Seed.Permalink), Comment(body: ""), "form.comment-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var (_, next) = await GetAsync(Seed.Permalink);

        Assert.Empty(next.QuerySelectorAll(".field-error:not(:empty), .form-errors li"));
        Assert.Equal("", next.One("textarea[name='Reply.Body']").TextContent.Trim());
    }

    [Fact]
    public async Task Every_reader_of_a_cached_story_gets_a_form_of_their_own_that_works()
    {
        var first = App.CreateReader();
        var second = App.CreateReader();
        using (await first.GetAsync("/")) { } // the site is up, its start-up lines logged
        var loggedBefore = App.Logs.Events.Count;
        var (firstResponse, firstPage) = await GetAsync(Seed.Permalink, first);
        var (secondResponse, secondPage) = await GetAsync(Seed.Permalink, second);
        Assert.Equal(firstResponse.Headers.ETag, secondResponse.Headers.ETag); // the same cached copy

        var token = (IDocument page) => page.One("form.comment-form input[name=__RequestVerificationToken]").GetAttribute("value");
        Assert.NotEqual(token(firstPage), token(secondPage));
        Assert.DoesNotContain("__per-reader", secondPage.Source.Text, StringComparison.Ordinal);
        // A page with a reader's own token is for no shared cache, and saying so is no cause for a warning.
        Assert.True(secondResponse.Headers.CacheControl is { NoStore: true, NoCache: true }, $"Cache-Control: {secondResponse.Headers.CacheControl}");
        Assert.DoesNotContain(App.Logs.Events.Skip(loggedBefore), e => e.Level >= Serilog.Events.LogEventLevel.Warning);

        using var posted = await second.SubmitAsync(secondPage, Comment(body: "From the cached page."), "form.comment-form");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(CommentStatus.Pending, await App.WithDbAsync(db => db.Comments.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_cached_story_sent_in_brotli_is_the_whole_page_with_each_readers_own_form_that_works()
    {
        async Task<(HttpResponseMessage Response, string Html)> GetBrotliAsync(HttpClient reader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Seed.Permalink);
            request.Headers.AcceptEncoding.ParseAdd(BrowserEncodings);
            var response = await reader.SendAsync(request);
            await using var decoded = new System.IO.Compression.BrotliStream(
                await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            return (response, await new StreamReader(decoded).ReadToEndAsync());
        }

        var (_, plain) = await GetAsync(Seed.Permalink);
        var first = App.CreateReader();
        var second = App.CreateReader();
        var (firstResponse, firstHtml) = await GetBrotliAsync(first);
        var (secondResponse, secondHtml) = await GetBrotliAsync(second);

        Assert.NotNull(secondResponse.Headers.Age); // from the cache
        Assert.Equal("br", Assert.Single(secondResponse.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", secondResponse.Headers.Vary);
        Assert.Equal(secondResponse.Content.Headers.ContentLength, (await secondResponse.Content.ReadAsByteArrayAsync()).Length);
        var token = (IDocument page) => page.One("form.comment-form input[name=__RequestVerificationToken]").GetAttribute("value");
        var (firstPage, secondPage) = (Html.Parse(firstHtml), Html.Parse(secondHtml));
        Assert.NotEqual(token(firstPage), token(secondPage));
        // Byte for byte the page a reader without Brotli gets, but for the reader's own fields.
        static string WithoutOwnFields(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ8[^\"]*\"", "");
        Assert.Equal(WithoutOwnFields(plain.Source.Text), WithoutOwnFields(secondHtml));
        Assert.EndsWith("</html>", secondHtml.TrimEnd(), StringComparison.Ordinal);
        // The part up to the reader's fields is compressed once per cached copy, and what follows them is sent
        // as stored (plain) bytes, so the page's last lines cross the wire as they are.
        var sent = System.Text.Encoding.ASCII.GetString(await secondResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("</html>", sent, StringComparison.Ordinal);

        using var posted = await second.PostAsync($"{Seed.Permalink}?handler=Comment", new FormUrlEncodedContent(
            secondPage.One("form.comment-form").QuerySelectorAll("input[type=hidden]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                .Concat(Comment(body: "Sent from the Brotli page."))));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Sent from the Brotli page.", await App.WithDbAsync(db => db.Comments.Select(c => c.Body).SingleAsync()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feed")]
    public async Task A_page_is_kept_compressed_one_copy_for_each_encoding_readers_ask_for(string url)
    {
        async Task<(HttpResponseMessage Response, byte[] Body)> GetEncodedAsync(string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }

            var response = await App.CreateReader().SendAsync(request);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }

        var (plain, plainBody) = await GetEncodedAsync(null);
        var (first, _) = await GetEncodedAsync(BrowserEncodings);
        var (second, secondBody) = await GetEncodedAsync(BrowserEncodings);
        var (gzip, gzipBody) = await GetEncodedAsync("gzip");

        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotEqual(plain.Headers.ETag, second.Headers.ETag); // a copy of its own
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        // The cache knows the compressed copy's length, so it says it, as it does for a plain page.
        Assert.Equal(secondBody.Length, second.Content.Headers.ContentLength);
        static byte[] Decoded(Stream compressed)
        {
            using var decoded = new MemoryStream();
            compressed.CopyTo(decoded);
            return decoded.ToArray();
        }

        Assert.Equal(plainBody, Decoded(new System.IO.Compression.BrotliStream(new MemoryStream(secondBody), System.IO.Compression.CompressionMode.Decompress)));
        // Compressed as one piece: a stream flushed at every write (as a page is written) came out a quarter larger.
        using var whole = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(whole, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(plainBody);
        }

        Assert.True(secondBody.Length <= whole.Length * 1.05, $"{url} is {secondBody.Length} bytes in Brotli, against {whole.Length} compressed whole");
        Assert.Equal(plainBody, Decoded(new System.IO.Compression.GZipStream(new MemoryStream(gzipBody), System.IO.Compression.CompressionMode.Decompress)));
    }

    [Fact]
    public async Task Readers_are_served_the_copy_for_the_encoding_they_get_whatever_else_their_header_says()
    {
        async Task<HttpResponseMessage> GetAsync(string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            if (encoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }

            return await App.CreateReader().SendAsync(request);
        }

        using var brotli = await GetAsync(BrowserEncodings);
        using var gzip = await GetAsync("gzip");
        using var plain = await GetAsync(null);

        // Headers anyone can vary at will, each of which made a copy of its own: every request a miss.
        foreach (var (header, kept) in new[]
        {
            ("br;q=1.0, gzip;q=0.8, x-made-up-7f3a", brotli),
            ("x-made-up-91c2, br", brotli),
            ("gzip, x-made-up-55d0", gzip),
            ("br;q=0, gzip", gzip),
            ("x-made-up-only", plain),
        })
        {
            using var response = await GetAsync(header);
            Assert.True(response.Headers.Age is not null, $"\"{header}\" was not served from the cache");
            Assert.Equal(kept.Headers.ETag, response.Headers.ETag);
            Assert.Equal(kept.Content.Headers.ContentEncoding, response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task An_unchanged_page_answers_not_modified_and_a_changed_one_does_not()
    {
        using var first = await App.CreateReader().GetAsync("/");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await App.CreateReader().SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await EditSeedAsync(await App.SignInAsync(Roles.Editor), new() { ["Input.Standfirst"] = "Changed." }, "Publish");
        using var later = new HttpRequestMessage(HttpMethod.Get, "/");
        later.Headers.IfNoneMatch.Add(etag);
        using var changed = await App.CreateReader().SendAsync(later);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_copy_known_by_its_date_alone_is_confirmed_only_while_the_page_is_unchanged()
    {
        async Task<HttpResponseMessage> RevalidateAsync(DateTimeOffset since)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.IfModifiedSince = since;
            return await App.CreateReader().SendAsync(request);
        }

        async Task ChangeAsync(string standfirst) =>
            await EditSeedAsync(await App.SignInAsync(Roles.Editor), new() { ["Input.Standfirst"] = standfirst }, "Publish");

        // A copy made a second after the last change.
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await ChangeAsync("First.");
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        using var first = await App.CreateReader().GetAsync("/");
        var date = first.Content.Headers.LastModified!.Value;

        App.Clock.Advance(TimeSpan.FromSeconds(5));
        using var unchanged = await RevalidateAsync(date);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        // Not dated now: the browser would take that as its copy's date, and keep it past the next change.
        Assert.True(unchanged.Content.Headers.LastModified is not { } confirmed || confirmed <= date, $"the 304 dated the copy {unchanged.Content.Headers.LastModified}, made {date}");

        // Made, changed and made again within one second: the same date on two pages.
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await ChangeAsync("Second.");
        using var before = await App.CreateReader().GetAsync("/");
        await ChangeAsync("Third, within the same second.");
        using var after = await App.CreateReader().GetAsync("/");
        Assert.Equal(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);

        using var changed = await RevalidateAsync(before.Content.Headers.LastModified!.Value);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(after.Headers.ETag, changed.Headers.ETag);

        // A copy made after the last change is confirmed by its date again.
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await ChangeAsync("Fourth.");
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        using var latest = await App.CreateReader().GetAsync("/");
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        using var confirmedAgain = await RevalidateAsync(latest.Content.Headers.LastModified!.Value);
        Assert.Equal(HttpStatusCode.NotModified, confirmedAgain.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_story_reaches_the_cached_front_page_when_its_time_comes()
    {
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: "Budget tabled in the assembly", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(1)));
            await db.SaveChangesAsync();
        });
        Assert.Equal(Seed.Headline, (await GetAsync("/")).Page.One(".lead-story h3 a").Text());

        App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("Budget tabled in the assembly", (await GetAsync("/")).Page.One(".lead-story h3 a").Text());
    }

    [Fact]
    public async Task A_story_that_comes_out_while_a_page_is_being_made_is_in_the_lists_of_the_pages_after_it()
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            var section = await db.Sections.FirstAsync();
            db.Articles.AddRange(
                TestData.Article(author, headline: "Schools reopen in Zhob", section: section, publishedAt: TestApp.Start.AddHours(-1)),
                TestData.Article(author, headline: "Teachers return to Kech", section: section, publishedAt: TestApp.Start.AddHours(-2)),
                TestData.Article(author, headline: "Budget tabled in the assembly", section: section, status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(1)));
            await db.SaveChangesAsync();
        });
        // The masthead's sections are read with the front page first, so the held query is the story's own.
        using var front = await App.CreateReader().GetAsync("/");

        // A reader's story page has read the clock and its story when the next story's time comes.
        var hold = App.SqlPause.Next(sql => sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal));
        var reading = App.CreateReader().GetAsync("/2025/07/03/schools-reopen-in-zhob");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        App.Clock.Advance(TimeSpan.FromHours(1));
        for (var waited = 0; waited < 200 && await App.WithDbAsync(db => db.Articles.AnyAsync(a => a.Status == ArticleStatus.Scheduled)); waited++)
        {
            await Task.Delay(50);
        }

        hold.Release();
        using var read = await reading;
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // That page was made for the time it was asked; the section's list it read is not kept for the pages after it.
        var (_, next) = await GetAsync("/2025/07/03/teachers-return-to-kech");
        Assert.Contains("Budget tabled in the assembly", next.One(".more-from-section").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_story_whose_time_comes_while_the_cache_is_down_does_not_end_the_schedule()
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            db.Articles.AddRange(
                TestData.Article(author, headline: "Budget tabled in the assembly", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(1)),
                TestData.Article(author, headline: "Budget passed by the assembly", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(2)));
            await db.SaveChangesAsync();
        });
        await GetAsync("/");

        // The first story's time comes while the page cache's store does not answer; it answers again soon after.
        App.CacheOutage.IsOn = true;
        App.Clock.Advance(TimeSpan.FromHours(1));
        App.CacheOutage.IsOn = false;
        Assert.True(await LeadBecomesAsync("Budget tabled in the assembly"), "the first story never reached the front page");

        App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await LeadBecomesAsync("Budget passed by the assembly"), "the second story never reached the front page");
    }

    [Fact]
    public async Task A_story_scheduled_while_a_due_story_waits_for_the_cache_does_not_pass_it_over()
    {
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: "Budget tabled in the assembly", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(1)));
            await db.SaveChangesAsync();
        });
        await GetAsync("/");

        // The story's time comes while the page cache's store does not answer: its wake is put off a few seconds.
        App.CacheOutage.IsOn = true;
        App.Clock.Advance(TimeSpan.FromHours(1));
        // Meanwhile another story is scheduled: looking the schedule up again finds only the later one.
        await App.WithDbAsync(async db =>
        {
            db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: "Budget passed by the assembly", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(3)));
            await db.SaveChangesAsync();
        });
        App.CacheOutage.IsOn = false;

        // The story that came out is marked so within a minute of the test clock, not when the later one comes out.
        var marked = false;
        for (var second = 0; second < 60 && !marked; second++)
        {
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            marked = await App.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Budget tabled in the assembly" && a.Status == ArticleStatus.Published));
        }

        Assert.True(marked, "the story that came out was passed over until the next one's time");
    }

    /// <summary>
    /// Whether the front page leads with <paramref name="headline"/> within a minute of the test clock, asked each second:
    /// a timer's work (evicting, looking up the next story) ends on its own time, after the clock has moved.
    /// </summary>
    private async Task<bool> LeadBecomesAsync(string headline)
    {
        for (var second = 0; second < 60; second++)
        {
            if ((await GetAsync("/")).Page.One(".lead-story h3 a").Text() == headline)
            {
                return true;
            }

            await Task.Delay(20);
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return false;
    }

    [Fact]
    public async Task Renaming_a_section_or_an_author_shows_on_every_page_that_names_them()
    {
        await GetAsync("/");
        await GetAsync(Seed.Permalink);

        await App.WithDbAsync(async db =>
        {
            (await db.Sections.SingleAsync(s => s.Slug == "politics")).Name = "Politics & Power";
            (await db.Authors.SingleAsync(a => a.Articles.Any(s => s.Slug == Seed.Slug))).Bio = "The paper's own desk.";
            await db.SaveChangesAsync();
        });

        Assert.Contains("Politics & Power", (await GetAsync("/")).Page.One(".masthead").TextContent, StringComparison.Ordinal);
        var story = (await GetAsync(Seed.Permalink)).Page;
        Assert.Contains("Politics & Power", story.One(".masthead").TextContent, StringComparison.Ordinal);
        Assert.Contains("The paper's own desk.", story.Body!.TextContent, StringComparison.Ordinal);
    }
}
