using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Data;

/// <summary>
/// The site's SQLite connections keep the statements they compile, across EF's closes and across requests, so a
/// page asked again only binds its values and runs them; and a close still does what a close is for.
/// </summary>
public sealed class StatementReuseTests() : SiteTest(seed: true, settings: new Dictionary<string, string> { ["OutputCache:Enabled"] = "false" })
{
    /// <summary>The story page's own statement: the story read by its address.</summary>
    private const string StoryBySlug = "WHERE \"a\".\"Slug\" = @slug";

    [SkippableFact]
    public async Task A_story_page_asked_again_runs_the_statement_compiled_for_it_before()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite; PostgreSQL's driver has its own.");
        var reader = App.CreateReader();
        var runs = new ConcurrentQueue<(string Sql, int Runs)>();
        App.SqlCommands.SqliteRuns = runs;
        // Pages are served by the pooled contexts in turn, and the pool keeps fewer than there are requests here: some
        // context serves the story more than once, and runs the statement it compiled the first time.
        var requests = DataServices.SqliteContextsPooled + 8;
        for (var i = 0; i < requests; i++)
        {
            var page = await reader.GetStringAsync(Seed.Permalink);
            Assert.Contains(Seed.Headline, page, StringComparison.Ordinal);
        }

        App.SqlCommands.SqliteRuns = null;
        var story = runs.Where(r => r.Sql.Contains(StoryBySlug, StringComparison.Ordinal)).Select(r => r.Runs).ToList();
        Assert.Equal(requests, story.Count);
        // Compiled anew for each request, the statement would be on its first run every time.
        Assert.True(story.Max() >= 2, $"The story's statement ran from one compilation at most {story.Max()} time(s) in {requests} requests.");
    }

    [SkippableFact]
    public async Task A_kept_statement_run_again_reads_with_its_new_values()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite.");
        var expected = await App.WithDbAsync(db => db.Sections.OrderBy(s => s.Slug).Select(s => new { s.Slug, s.Name }).Take(2).ToListAsync());
        Assert.Equal(2, expected.Count);

        var runs = new ConcurrentQueue<(string Sql, int Runs)>();
        App.SqlCommands.SqliteRuns = runs;
        var names = await App.WithDbAsync(async db =>
        {
            var names = new List<string>();
            foreach (var section in expected)
            {
                // EF opens the connection for each query and closes it after.
                names.Add(await db.Sections.Where(s => s.Slug == section.Slug).Select(s => s.Name).SingleAsync());
            }

            return names;
        });
        App.SqlCommands.SqliteRuns = null;

        Assert.Equal(expected.Select(s => s.Name), names);
        var bySlug = runs.Where(r => r.Sql.Contains("WHERE \"s\".\"Slug\" = @", StringComparison.Ordinal)).Select(r => r.Runs).ToList();
        Assert.Equal(2, bySlug.Count);
        Assert.Equal(bySlug[0] + 1, bySlug[1]);
    }

    [SkippableFact]
    public async Task A_transaction_left_open_at_close_is_rolled_back_and_the_connection_serves_again()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite.");
        var before = await App.WithDbAsync(db => db.Sections.OrderBy(s => s.Id).Select(s => s.Name).FirstAsync());

        var (afterClose, nextTransaction) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var abandoned = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, abandoned, "UPDATE Sections SET Name = 'Never saved' WHERE Id = (SELECT min(Id) FROM Sections)");
            await db.Database.CloseConnectionAsync();

            var name = await db.Sections.OrderBy(s => s.Id).Select(s => s.Name).FirstAsync();
            await using var next = await db.Database.BeginTransactionAsync();
            return (name, next is not null);
        });

        Assert.Equal(before, afterClose);
        Assert.True(nextTransaction);
        await using var plain = await App.Database.OpenAsync();
        await using var read = plain.CreateCommand();
        read.CommandText = "SELECT Name FROM Sections ORDER BY Id LIMIT 1";
        Assert.Equal(before, await read.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task A_reader_left_unfinished_at_close_holds_no_read_of_the_file()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite.");
        await App.WithDbAsync(db => db.Sections.AnyAsync());
        await using var plain = await App.Database.OpenAsync();

        // The command and its reader are left undisposed until the end, as a page that failed halfway would leave them.
        // A write first, so that the reader's view of the file takes in the log SQLite keeps beside it.
        await ExecuteAsync(plain, null, "CREATE TABLE Scratch (Value INTEGER)");
        var (command, unfinished) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT Id FROM Sections";
            var unfinished = await command.ExecuteReaderAsync();
            Assert.True(await unfinished.ReadAsync());

            // A write after the reader began: SQLite cannot copy it into the file while that read is held.
            await ExecuteAsync(plain, null, "INSERT INTO Scratch VALUES (1)");
            await db.Database.CloseConnectionAsync();
            return (command, unfinished);
        });

        await using var checkpoint = plain.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        var (logged, copied) = (result.GetInt32(1), result.GetInt32(2));
        Assert.True(logged > 0);
        Assert.Equal(logged, copied);
        await unfinished.DisposeAsync();
        await command.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_connection_keeps_no_more_statements_than_its_limit()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite.");

        var kept = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (StatementKeepingConnection)db.Database.GetDbConnection();
            var most = 0;
            for (var i = 0; i < StatementKeepingConnection.MostKept + 10; i++)
            {
                // A different statement each time: EF reads from the SQL it is given.
                var sql = "SELECT " + i.ToString(CultureInfo.InvariantCulture) + " AS \"Value\"";
                Assert.Equal([i], await db.Database.SqlQueryRaw<int>(sql).ToListAsync());
                most = Math.Max(most, connection.KeptCount);
            }

            return (Most: most, Last: connection.KeptCount);
        });

        Assert.Equal(StatementKeepingConnection.MostKept, kept.Most);
        Assert.InRange(kept.Last, 1, StatementKeepingConnection.MostKept);
    }

    [SkippableFact]
    public async Task Queries_that_use_EFs_own_SQL_functions_run_on_the_sites_connections()
    {
        Skip.If(TestDatabase.IsPostgres, "The functions are the ones EF adds to SQLite.");

        var (all, matched) = await App.WithDbAsync(async db =>
            (await db.Sections.CountAsync(), await db.Sections.CountAsync(s => Regex.IsMatch(s.Slug, "^[a-z0-9-]+$"))));

        Assert.True(all > 0);
        Assert.Equal(all, matched);
    }

    [SkippableFact]
    public async Task What_a_save_wrote_is_not_kept_in_a_statement()
    {
        Skip.If(TestDatabase.IsPostgres, "Keeping compiled statements is the site's own doing on SQLite.");

        var (before, after) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (StatementKeepingConnection)db.Database.GetDbConnection();
            await db.Sections.CountAsync();
            var before = connection.KeptCount;
            db.Sections.Add(new Section { Name = "Kept nowhere", Slug = "kept-nowhere" });
            await db.SaveChangesAsync();
            return (before, connection.KeptCount);
        });

        Assert.True(before > 0);
        Assert.Equal(before, after);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
