using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Moving;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Tests.Moving;

/// <summary>
/// A paper with something in every table, moved from its SQLite file to PostgreSQL by <c>copy-db</c>, then run
/// on PostgreSQL. The source is SQLite whatever the suite runs on; the target needs the server in QV_TEST_POSTGRES.
/// </summary>
public sealed class CopyToPostgresTests : IAsyncLifetime
{
    private const int LegacyPostNumber = 48213;
    private const string OldPath = "/2025/07/02/gwadar-port-old-headline";

    /// <summary>Before the test clock, with microseconds, the finest PostgreSQL keeps: a copy that rounds or shifts it shows.</summary>
    private static readonly DateTime Exact = new DateTime(2025, 7, 3, 8, 15, 42, DateTimeKind.Utc).AddTicks(1_234_560);

    private readonly TestApp source = new(seed: false, provider: DatabaseProvider.Sqlite);
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();
    private TestApp? target;

    private TestApp Target => target!;

    public Task InitializeAsync()
    {
        // The target site is only made, never started, before the copy: its first start would fill its store.
        target = TestDatabase.IsPostgres ? new TestApp(seed: false, provider: DatabaseProvider.Postgres) : null;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (target is not null)
        {
            await target.DisposeAsync();
        }

        await source.DisposeAsync();
    }

    [SkippableFact]
    public async Task Every_table_in_the_model_arrives_with_every_row()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();

        var exit = await CopyAsync();

        Assert.True(exit == 0, errors.ToString());
        var modelTables = await source.WithDbAsync(db => Task.FromResult(db.Model.GetRelationalModel().Tables.Select(t => t.Name).ToList()));
        var printed = output.ToString();
        foreach (var table in modelTables)
        {
            var count = await source.Database.CountAsync(table);
            Assert.True(count > 0, $"The test paper has no row in {table}: give it one, so the copy of that table is checked.");
            Assert.Equal(count, await Target.Database.CountAsync(table));
            Assert.Matches($@"\b{table}\s+{count} read\s+{count} written", printed);
        }

        Assert.Contains("Media files are not in the database", printed);
    }

    [SkippableFact]
    public async Task The_planner_knows_every_copied_table_before_the_site_starts_on_it()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();

        Assert.True(await CopyAsync() == 0, errors.ToString());

        // A table PostgreSQL has never analysed has no statistics (reltuples -1): the first pages on the new store would
        // be planned blind until autovacuum came round, and never for a small table.
        await using var connection = await Target.Database.OpenAsync();
        var tables = await source.WithDbAsync(db => Task.FromResult(db.Model.GetRelationalModel().Tables.Select(t => t.Name).ToList()));
        foreach (var table in tables.Append(PostgresSearchIndex.Table))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT reltuples FROM pg_class WHERE oid = to_regclass(quote_ident(@table))";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "table";
            parameter.Value = table;
            command.Parameters.Add(parameter);
            var estimated = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(estimated == await Target.Database.CountAsync(table), $"{table}: the planner estimates {estimated} rows");
        }
    }

    [SkippableFact]
    public async Task Stories_comments_and_accounts_arrive_field_for_field()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();

        Assert.Equal(0, await CopyAsync());

        var before = await source.WithDbAsync(ReadPaperAsync);
        var after = await Target.WithDbAsync(ReadPaperAsync);
        Assert.Equivalent(before, after, strict: true);

        var story = after.Articles.Single(a => a.LegacyPostId == LegacyPostNumber);
        Assert.Equal(ArticleStatus.Published, story.Status);
        Assert.Equal(Exact, story.PublishedAt);
        Assert.Equal(before.Articles.Single(a => a.Id == story.Id).Body, story.Body);
        Assert.Equal([ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Trashed], after.Articles.Select(a => a.Status).Order());
        Assert.Equal(ArticleStatus.Published, after.Articles.Single(a => a.Status == ArticleStatus.Trashed).StatusBeforeTrash);
        var spam = after.Comments.Single(c => c.Status == CommentStatus.Spam);
        Assert.Equal("spammer@example.test", spam.AuthorEmail);
        Assert.Equal(CommentStatus.Pending, spam.PreviousStatus);
        Assert.Equal(Exact, spam.ModeratedAt);
        var reply = after.Comments.Single(c => c.ParentId is not null);
        Assert.True(reply.Id < reply.ParentId, "the reply's key is lower than its parent's, so the copy had to order them");
        Assert.Equal([480, 960, 1600], after.Media.Single().VariantWidths);
        var moderator = after.Users.Single(u => u.Email == "moderator@quettavoice.test");
        Assert.Equal(before.Users.Single(u => u.Id == moderator.Id).PasswordHash, moderator.PasswordHash);
        Assert.Equal(2, await Target.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).SelectMany(a => a.Tags).CountAsync()));
    }

    [SkippableFact]
    public async Task The_newsroom_carries_on_on_the_PostgreSQL_site_with_its_links_and_passwords()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();
        var highestStoryId = await source.WithDbAsync(db => db.Articles.MaxAsync(a => a.Id));

        Assert.Equal(0, await CopyAsync());

        using var signedIn = await Target.CreateReader().SignInAsync("moderator@quettavoice.test", TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/admin", signedIn.Headers.Location!.OriginalString);

        var reader = Target.CreateReader();
        var permalink = Permalink.For("gwadar-port-opens-a-new-berth", Exact, TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi"));
        using (var story = await reader.GetAsync(permalink))
        {
            Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        }

        foreach (var oldLink in new[] { $"/?p={LegacyPostNumber}", OldPath })
        {
            using var moved = await reader.GetAsync(oldLink);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(permalink, moved.Headers.Location?.OriginalString);
        }

        var next = await Target.WithDbAsync(async db =>
        {
            var story = TestData.Article(await db.Authors.FirstAsync(), headline: "Written after the move");
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        Assert.Equal(highestStoryId + 1, next);
    }

    [SkippableFact]
    public async Task Readers_find_copied_stories_by_their_words_and_the_index_follows_later_edits()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();

        Assert.True(await CopyAsync() == 0, errors.ToString());

        // A word of the body only: the search index was built for the copied stories.
        var reader = Target.CreateReader();
        Assert.Contains("Gwadar port opens a new berth", await reader.GetStringAsync("/search?q=tonnes"));

        // The index's triggers are on again after the copy: an edit on the new store is found at once.
        await Target.WithDbAsync(async db =>
        {
            var story = await db.Articles.SingleAsync(a => a.Headline == "Gwadar port opens a new berth");
            story.Body += "\n\nA breakwater is next.";
            await db.SaveChangesAsync();
        });
        Assert.Contains("Gwadar port opens a new berth", await reader.GetStringAsync("/search?q=breakwater"));
    }

    [SkippableFact]
    public async Task A_second_copy_into_the_same_target_is_refused_and_writes_nothing()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();
        Assert.Equal(0, await CopyAsync());
        var before = await Target.Database.CountAsync("Comments");
        await source.WithDbAsync(async db =>
        {
            db.Comments.Add(Comment(await db.Articles.MinAsync(a => a.Id), CommentStatus.Pending, "late@example.test"));
            await db.SaveChangesAsync();
        });

        var exit = await CopyAsync();

        Assert.Equal(1, exit);
        Assert.Contains("already holds rows in", errors.ToString());
        Assert.Contains("No row was written", errors.ToString());
        Assert.Equal(before, await Target.Database.CountAsync("Comments"));
    }

    [SkippableFact]
    public async Task Another_applications_database_is_refused_before_anything_touches_it()
    {
        TestDatabase.SkipUnlessPostgres();
        await ArrangePaperAsync();
        await using (var connection = await Target.Database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE TABLE invoices (id int);""";
            await command.ExecuteNonQueryAsync();
        }

        var exit = await CopyAsync();

        Assert.Equal(1, exit);
        Assert.Contains("not a Quetta Voice store's (invoices)", errors.ToString());
        await using var check = await Target.Database.OpenAsync();
        await using var tables = check.CreateCommand();
        tables.CommandText = "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'";
        Assert.Equal("invoices", await tables.ExecuteScalarAsync());
    }

    private Task<int> CopyAsync() =>
        CopyDbCommand.RunAsync(source.Services, ["--to", Target.Database.ConnectionString], output, errors);

    /// <summary>
    /// A row in every table: an editor (with a claim, an outside login and its token) and a moderator (whose role
    /// has a claim), stories in four states with tags, a picture, a revision, a redirect and an audit entry, and
    /// comments in every state with a reply whose key is lower than its parent's.
    /// </summary>
    private async Task ArrangePaperAsync()
    {
        await source.CreateUserAsync(Roles.Moderator, "moderator@quettavoice.test");
        await source.CreateUserAsync(Roles.Editor, "editor@quettavoice.test");
        string editorId, moderatorId;
        await using (var scope = source.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
            var editor = (await users.FindByEmailAsync("editor@quettavoice.test"))!;
            editorId = editor.Id;
            moderatorId = (await users.FindByEmailAsync("moderator@quettavoice.test"))!.Id;
            Assert.True((await users.AddClaimAsync(editor, new Claim("desk", "Economy"))).Succeeded);
            Assert.True((await users.AddLoginAsync(editor, new UserLoginInfo("Google", "google-1234", "Google"))).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(editor, "Google", "refresh_token", "a-refresh-token")).Succeeded);
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.AddClaimAsync((await roles.FindByNameAsync(Roles.Moderator))!, new Claim("queue", "comments"))).Succeeded);
        }

        await source.WithDbAsync(async db =>
        {
            var author = TestData.Author();
            var media = new MediaItem
            {
                Sha256 = new string('a', 64), OriginalFileName = "gwadar.jpg", ContentType = "image/jpeg", FileExtension = "jpg",
                Width = 1600, Height = 900, VariantWidths = [480, 960, 1600], UploadedAt = Exact, UploadedById = editorId, AltText = "Cranes at Gwadar",
            };
            var published = TestData.Article(author, headline: "Gwadar port opens a new berth", section: await db.Sections.FirstAsync(),
                body: "The berth takes ships of 70,000 tonnes.\n\n“It is a start,” the port's chairman said.", dateline: "GWADAR");
            published.PublishedAt = Exact;
            published.LegacyPostId = LegacyPostNumber;
            published.CreatedById = editorId;
            published.CommentsOpen = false;
            published.Tags = [TestData.Tag("Gwadar"), TestData.Tag("Ports")];
            published.FeaturedImage = new FeaturedImage { Path = "/media/gwadar.jpg", Caption = "The new berth", Credit = "Staff", AltText = "Cranes", };
            var trashed = TestData.Article(author, headline: "Withdrawn story");
            trashed.Trash();
            db.Articles.AddRange(published, trashed,
                TestData.Article(author, headline: "Draft story", status: ArticleStatus.Draft),
                TestData.Article(author, headline: "Tomorrow's story", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(1)));
            db.Media.Add(media);
            await db.SaveChangesAsync();

            published.FeaturedImage.MediaId = media.Id;
            db.Revisions.Add(ArticleRevision.Of(published, editorId, "Test Editor", Exact));
            db.Redirects.Add(new ArticleRedirect { OldPath = OldPath, ArticleId = published.Id });
            db.PageRedirects.Add(new PageRedirect { OldPath = "/tag/oosc", NewPath = "/tag/out-of-school-children" });
            db.Audit.Add(AuditEntry.Of(editorId, "Test Editor", "published", published.Headline, Exact));
            var answered = Comment(published.Id, CommentStatus.Approved, "reader@example.test", id: 50);
            var reply = Comment(published.Id, CommentStatus.Approved, "second@example.test", id: 10);
            reply.ParentId = 50;
            reply.Depth = 2;
            var spam = Comment(published.Id, CommentStatus.Pending, "spammer@example.test");
            spam.Moderate(CommentStatus.Spam, moderatorId, Exact);
            db.Comments.AddRange(answered, reply, spam,
                Comment(published.Id, CommentStatus.Pending, "waiting@example.test"),
                Comment(published.Id, CommentStatus.Trash, "trashed@example.test"));
            await db.SaveChangesAsync();
        });
    }

    private static Comment Comment(int articleId, CommentStatus status, string email, int id = 0) => new()
    {
        Id = id,
        ArticleId = articleId,
        AuthorName = "A reader",
        AuthorEmail = email,
        AuthorWebsite = "https://example.test/",
        Body = "Good to see the port working.",
        Status = status,
        CreatedAt = Exact,
        IpHash = new string('f', 64),
    };

    private static async Task<Paper> ReadPaperAsync(NewsDb db) => new(
        await db.Articles.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
        await db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
        await db.Revisions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
        await db.Redirects.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
        await db.Audit.AsNoTracking().OrderBy(e => e.Id).ToListAsync(),
        await db.Media.AsNoTracking().OrderBy(m => m.Id).ToListAsync(),
        await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync());

    /// <summary>The rows compared field by field after a copy.</summary>
    private sealed record Paper(
        List<Article> Articles,
        List<Comment> Comments,
        List<ArticleRevision> Revisions,
        List<ArticleRedirect> Redirects,
        List<AuditEntry> Audit,
        List<MediaItem> Media,
        List<NewsUser> Users);
}
