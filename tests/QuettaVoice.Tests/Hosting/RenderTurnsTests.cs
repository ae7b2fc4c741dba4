using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Tests.Hosting;

/// <summary>
/// Pages the cache cannot answer are made in turns, one at a time here: a page asked for meanwhile waits for its
/// turn, while cached pages, search, files, form posts and the health check are answered at once.
/// </summary>
public sealed class RenderTurnsTests() : SiteTest(seed: true, settings: new Dictionary<string, string> { ["RenderTurns:Running"] = "1" })
{
    /// <summary>Long enough for a page made without waiting to have been made: it has been made once already.</summary>
    private static readonly TimeSpan Meanwhile = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An editor, whose pages are made afresh for every request and never cached. Their dashboard is made once
    /// before the test, so that how long it takes is not the first request's start-up.
    /// </summary>
    private async Task<HttpClient> EditorAsync()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var warm = await editor.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        return editor;
    }

    /// <summary>The seed story being made for the first time, held just after its story was read: it has the only turn.</summary>
    private async Task<(Task<HttpResponseMessage> Reading, Hold Hold)> StoryBeingMadeAsync()
    {
        // The site is started first: the first-run import of the seed story reads stories by slug as well.
        using var started = await App.CreateReader().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var hold = App.SqlPause.Next(sql => sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal));
        var reading = App.CreateReader().GetAsync(Seed.Permalink);
        await hold.Reached.WaitAsync(Patience);
        return (reading, hold);
    }

    /// <summary>Waits until <paramref name="count"/> pages wait in line for a turn.</summary>
    private async Task InLineAsync(int count)
    {
        var turns = App.Services.GetRequiredService<RenderTurns>();
        for (var waited = TimeSpan.Zero; turns.Waiting != count; waited += TimeSpan.FromMilliseconds(20))
        {
            Assert.True(waited < Patience, $"{turns.Waiting} pages wait in line, not {count}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_page_asked_for_while_another_is_being_made_waits_for_its_turn_and_is_then_served()
    {
        var editor = await EditorAsync();
        var (reading, hold) = await StoryBeingMadeAsync();

        var dashboard = editor.GetAsync("/admin");
        await InLineAsync(1);
        var first = await Task.WhenAny(dashboard, Task.Delay(Meanwhile));

        Assert.False(first == dashboard, "the editor's dashboard was made while the story had the only turn");
        hold.Release();
        using var story = await reading.WaitAsync(Patience);
        using var made = await dashboard.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Contains(Seed.Paragraphs[0], await story.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
    }

    [Fact]
    public async Task Cached_pages_search_stylesheets_and_the_health_check_do_not_wait_for_a_turn()
    {
        var reader = App.CreateReader();
        var stylesheet = (await reader.GetDocumentAsync("/")).One("link[rel=stylesheet]").GetAttribute("href")!;
        var (reading, hold) = await StoryBeingMadeAsync();

        try
        {
            using var cached = await reader.GetAsync("/").WaitAsync(Patience);
            using var search = await reader.GetAsync("/search?q=taliban").WaitAsync(Patience);
            using var css = await reader.GetAsync(stylesheet).WaitAsync(Patience);
            using var health = await reader.GetAsync("/healthz").WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.Contains(Seed.Permalink, await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            hold.Release();
        }

        using var story = await reading.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
    }

    [Fact]
    public async Task A_comment_posted_while_a_page_is_being_made_is_received_without_waiting()
    {
        // The form from the story answering a comment that is not there: made for this reader and not kept, so the
        // story is still to be made for the next.
        var commenter = App.CreateReader();
        var page = await commenter.GetDocumentAsync(Seed.Permalink + "?replyto=0");
        var (reading, hold) = await StoryBeingMadeAsync();

        try
        {
            using var posted = await commenter.SubmitAsync(
                page,
                new Dictionary<string, string> { ["Reply.Body"] = "Posted while the story was being made.", ["Reply.Name"] = "Reader", ["Reply.Email"] = "reader@example.pk" },
                "form.comment-form").WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        finally
        {
            hold.Release();
        }

        using var story = await reading.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task A_reader_who_leaves_while_waiting_does_not_leave_readers_of_the_same_page_an_error()
    {
        var (reading, hold) = await StoryBeingMadeAsync();

        // The first reader of the front page waits in line; the second waits in the page cache for the first's copy.
        Task<HttpResponseMessage> second;
        try
        {
            using var leaving = new CancellationTokenSource();
            var first = App.CreateReader().GetAsync("/", leaving.Token);
            await InLineAsync(1);
            second = App.CreateReader().GetAsync("/");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        }
        finally
        {
            hold.Release();
        }

        using var front = await second.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.Contains(Seed.Headline, await front.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var story = await reading.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
    }

    [Fact]
    public async Task A_read_sent_with_a_body_does_not_wait_in_line_where_its_upload_could_hold_a_turn()
    {
        var editor = await EditorAsync();
        var (reading, hold) = await StoryBeingMadeAsync();

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin") { Content = new FormUrlEncodedContent([new("note", "a body on a read")]) };
            using var dashboard = await editor.SendAsync(request).WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }
        finally
        {
            hold.Release();
        }

        using var story = await reading.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
    }

    [Fact]
    public async Task A_reader_who_is_slow_to_take_a_long_answer_does_not_keep_the_next_page_waiting()
    {
        // The feed carries its stories in full: three long ones make it far more than the server sends ahead of a
        // reader who does not read.
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            for (var i = 0; i < 3; i++)
            {
                db.Articles.Add(TestData.Article(author, body: string.Join("\n\n", Enumerable.Repeat("Enrolment in Quetta's government schools rose this year, the education department said.", 1500))));
            }

            await db.SaveChangesAsync();
        });
        var editor = await EditorAsync();

        var slowReader = App.CreateReader();
        using var feed = await slowReader.GetAsync("/feed", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.True(feed.Content.Headers.ContentLength > 256 * 1024, $"the feed is only {feed.Content.Headers.ContentLength} bytes");

        using var dashboard = await editor.GetAsync("/admin").WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public void Pages_on_SQLite_are_made_one_a_core_and_on_PostgreSQL_eight_a_core_up_to_32_unless_set()
    {
        var cores = Environment.ProcessorCount;

        Assert.Equal(Math.Max(2, cores), new RenderTurnOptions().RunningFor(DatabaseProvider.Sqlite));
        Assert.Equal(Math.Min(32, Math.Max(2, 8 * cores)), new RenderTurnOptions().RunningFor(DatabaseProvider.Postgres));
        Assert.Equal(3, new RenderTurnOptions { Running = 3 }.RunningFor(DatabaseProvider.Postgres));
    }

    [Fact]
    public async Task No_turns_at_all_stops_the_site_at_start_with_a_clear_reason()
    {
        var (exitCode, output) = await SiteExecutable.StartWithAsync("RenderTurns:Running=0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RenderTurns:Running must be at least 1", output, StringComparison.Ordinal);
    }
}
