using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Tests.Scaling;

/// <summary>
/// Two instances of the site on two ports of 127.0.0.1, one PostgreSQL store, one Redis and one data folder,
/// as two servers behind one load balancer: a reader or an editor may reach either on any request.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private const string RedisVariable = "QV_TEST_REDIS";
    private static readonly string? Redis = Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis ? redis : null;

    private TestApp? first;
    private TestApp? second;

    private static Dictionary<string, string> Comment(string body) =>
        new() { ["Reply.Body"] = body, ["Reply.Name"] = "Naseer Ahmed", ["Reply.Email"] = "naseer@example.pk", ["Reply.Website"] = "" };

    /// <summary>Starts both instances at the same moment on a store nobody has touched yet.</summary>
    private async Task<(TestApp First, TestApp Second)> StartTogetherAsync()
    {
        first = FirstInstance(emptyStore: true);
        second = first.AnotherInstance();
        first.UseKestrel(0);
        second.UseKestrel(0);
        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));
        return (first, second);
    }

    private static TestApp FirstInstance(bool emptyStore)
    {
        Skip.IfNot(TestDatabase.IsPostgres && Redis is not null,
            $"Several instances need PostgreSQL and Redis: set {TestDatabase.PostgresVariable} and {RedisVariable} (tools/test-services start).");
        return new TestApp(seed: true, settings: new Dictionary<string, string>
        {
            ["Redis:Configuration"] = Redis!,
            ["Redis:InstanceName"] = $"qv-test-{Guid.NewGuid():N}:",
        }, emptyStore: emptyStore);
    }

    private static HttpClient Reader(TestApp app) => new CookieJar().ClientFor(app.ClientOptions.BaseAddress);

    private static async Task<CookieJar> SignInAsync(TestApp app, string role)
    {
        var jar = new CookieJar();
        var email = await app.CreateUserAsync(role);
        using var signedIn = await jar.ClientFor(app.ClientOptions.BaseAddress).SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return jar;
    }

    [SkippableFact]
    public async Task Started_together_on_an_empty_store_they_migrate_seed_and_make_the_first_admin_exactly_once()
    {
        var (one, two) = await StartTogetherAsync();

        var logs = one.Logs.Lines.Concat(two.Logs.Lines).ToList();
        Assert.Single(logs, line => line.Contains("Applying", StringComparison.Ordinal) && line.Contains("migrations to the store", StringComparison.Ordinal));
        Assert.Single(logs, line => line.Contains("First start: imported 1 seed stories", StringComparison.Ordinal));
        Assert.Single(logs, line => line.Contains("an admin account was created", StringComparison.Ordinal));
        Assert.Equal(1, await one.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(5, await one.WithDbAsync(db => db.Sections.CountAsync()));
        Assert.Equal(1, await one.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(await two.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.Equal("Healthy\nredis: Healthy\nstore: Healthy\n", await Reader(two).GetStringAsync("/healthz"));
    }

    [SkippableFact]
    public async Task A_story_published_through_one_is_on_the_others_front_page_at_once()
    {
        var (one, two) = await StartTogetherAsync();
        var before = await Reader(two).GetDocumentAsync("/");
        Assert.Equal(Seed.Headline, before.One(".lead-story h3 a").Text());
        Assert.Equal("July 2025 (1)", before.One(".archive-months li").Text());

        var editor = (await SignInAsync(one, Roles.Editor)).ClientFor(one.ClientOptions.BaseAddress);
        var authorId = await one.WithDbAsync(db => db.Authors.Select(a => a.Id).FirstAsync());
        using var published = await editor.SubmitAsync(await editor.GetDocumentAsync("/admin/articles/new"), new Dictionary<string, string>
        {
            ["Input.Headline"] = "Quetta schools reopen after the heatwave",
            ["Input.Body"] = "Schools reopened on Monday.",
            ["Input.AuthorId"] = authorId.ToString(CultureInfo.InvariantCulture),
        }, "form.story-form", "button[formaction*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var after = await Reader(two).GetDocumentAsync("/");
        Assert.Equal("Quetta schools reopen after the heatwave", after.One(".lead-story h3 a").Text());
        Assert.Equal("July 2025 (2)", after.One(".archive-months li").Text());
    }

    [SkippableFact]
    public async Task A_comment_posted_on_one_is_moderated_on_the_other_and_shows_on_the_first_at_once()
    {
        var (one, two) = await StartTogetherAsync();
        var commenter = Reader(one);
        using var posted = await commenter.SubmitAsync(await commenter.GetDocumentAsync(Seed.Permalink), Comment("Well reported from Quetta."), "form.comment-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = await one.WithDbAsync(db => db.Comments.Select(c => c.Id).SingleAsync());
        Assert.Null((await Reader(one).GetDocumentAsync(Seed.Permalink)).QuerySelector($"#comment-{id}"));

        var moderator = (await SignInAsync(two, Roles.Moderator)).ClientFor(two.ClientOptions.BaseAddress);
        var queue = await moderator.GetDocumentAsync("/admin/comments");
        Assert.Contains("Well reported from Quetta.", queue.One("form.moderation").Text(), StringComparison.Ordinal);
        using var approved = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["one"] = $"approve:{id}" }, "form.moderation");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var story = await Reader(one).GetDocumentAsync(Seed.Permalink);
        Assert.Contains("Well reported from Quetta.", story.One($"#comment-{id}").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_story_unpublished_on_one_while_the_other_is_serving_it_is_gone_for_the_next_reader_of_either() =>
        // The masthead's sections are read with the front page first, so the held query is the story's own.
        await UnpublishWhileOneServesTheStoryAsync(one => one.SqlPause.Next(sql => sql.Contains("FROM \"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal)));

    [SkippableFact]
    public async Task A_story_unpublished_on_one_while_the_other_is_storing_its_page_is_gone_for_the_next_reader_of_either() =>
        // Made and checked before the eviction, the page reaches Redis after it: the store finds it stale then.
        await UnpublishWhileOneServesTheStoryAsync(one => one.PageStorePause.Next(tags => tags.Any(tag => tag.StartsWith("story:", StringComparison.Ordinal))));

    private async Task UnpublishWhileOneServesTheStoryAsync(Func<TestApp, Hold> holdOn)
    {
        var (one, two) = await StartTogetherAsync();
        using var front = await Reader(one).GetAsync("/");
        var hold = holdOn(one);
        var reading = Reader(one).GetAsync(Seed.Permalink);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var editor = (await SignInAsync(two, Roles.Editor)).ClientFor(two.ClientOptions.BaseAddress);
        var seedId = await two.WithDbAsync(db => db.Articles.Select(a => a.Id).SingleAsync());
        using var unpublished = await editor.SubmitAsync(
            await editor.GetDocumentAsync($"/admin/articles/{seedId}/edit"), new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        hold.Release();

        // That reader asked before the editor: they are sent the story as it was, and no one after them is.
        using var read = await reading;
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var onOne = await Reader(one).GetAsync(Seed.Permalink);
        using var onTwo = await Reader(two).GetAsync(Seed.Permalink);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (onOne.StatusCode, onTwo.StatusCode));
    }

    [SkippableFact]
    public async Task A_sign_in_and_a_form_from_one_are_good_on_the_other()
    {
        var (one, two) = await StartTogetherAsync();

        var moderatorJar = await SignInAsync(one, Roles.Moderator);
        using var queue = await moderatorJar.ClientFor(two.ClientOptions.BaseAddress).GetAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

        var readerJar = new CookieJar();
        var form = await readerJar.ClientFor(one.ClientOptions.BaseAddress).GetDocumentAsync(Seed.Permalink);
        using var posted = await readerJar.ClientFor(two.ClientOptions.BaseAddress).SubmitAsync(form, Comment("Posted through the other server."), "form.comment-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Posted through the other server.", await two.WithDbAsync(db => db.Comments.Select(c => c.Body).SingleAsync()));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task One_started_while_Redis_is_down_serves_stories_and_takes_a_form_the_other_served()
    {
        first = FirstInstance(emptyStore: false);
        first.UseKestrel(0);
        first.StartServer();
        var readerJar = new CookieJar();
        var form = await readerJar.ClientFor(first.ClientOptions.BaseAddress).GetDocumentAsync(Seed.Permalink);

        // Nothing listens on port 1: the second server starts with no way to read the key ring from Redis.
        second = first.AnotherInstance(new Dictionary<string, string> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,asyncTimeout=300,syncTimeout=300" });
        second.UseKestrel(0);
        second.StartServer();
        using var story = await Reader(second).GetAsync(Seed.Permalink);
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);

        using var posted = await readerJar.ClientFor(second.ClientOptions.BaseAddress).SubmitAsync(form, Comment("Sent while Redis was down."), "form.comment-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Sent while Redis was down.", await second.WithDbAsync(db => db.Comments.Select(c => c.Body).SingleAsync()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(first.DataDirectory, KeyRingWithLocalCopy.FolderName)));
    }

    [SkippableTheory]
    [InlineData(false)] // a file where the copy's folder should be: every write of the copy fails
    [InlineData(true)] // a copy left empty (a crash before it reached the disk, say): it cannot be read
    public async Task A_key_ring_copy_that_cannot_be_written_or_read_costs_no_page(bool emptyCopy)
    {
        first = FirstInstance(emptyStore: false);
        var folder = Path.Combine(first.DataDirectory, KeyRingWithLocalCopy.FolderName);
        Directory.CreateDirectory(emptyCopy ? folder : first.DataDirectory);
        await File.WriteAllTextAsync(emptyCopy ? Path.Combine(folder, KeyRingWithLocalCopy.FileName) : folder, "");
        first.UseKestrel(0);
        first.StartServer();

        using var story = await Reader(first).GetAsync(Seed.Permalink);

        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        if (emptyCopy)
        {
            // Read from Redis, the ring replaces the copy that could not be read.
            Assert.NotEmpty(System.Xml.Linq.XElement.Load(Path.Combine(folder, KeyRingWithLocalCopy.FileName)).Elements("key"));
        }
        else
        {
            Assert.Contains(first.Logs.Lines, line => line.Contains("copy in the data folder could not be brought up to date", StringComparison.Ordinal));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The second instance first: the first owns the store and the data folder.
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }
    }
}
