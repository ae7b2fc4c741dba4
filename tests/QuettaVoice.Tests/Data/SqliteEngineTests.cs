using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using SQLitePCL;

namespace QuettaVoice.Tests.Data;

public sealed class SqliteEngineTests : SiteTest
{
    /// <summary>
    /// SQLite counts its memory under one process-wide lock unless told not to before its first connection, and
    /// busy pages queued on that lock. Uncounted, its tally stays at nothing however much a page made it read.
    /// </summary>
    [SkippableFact]
    public async Task SQLite_keeps_no_memory_tally_so_busy_pages_never_queue_on_its_lock()
    {
        Skip.If(TestDatabase.IsPostgres, "The tally and its lock are SQLite's alone.");

        var page = await App.CreateReader().GetAsync("/");
        page.EnsureSuccessStatusCode();

        Assert.Equal(0, raw.sqlite3_memory_used());
    }

    /// <summary>
    /// EF Core sends a page's LIMIT and OFFSET as parameters. SQLite reads a LIMIT parameter's value while it plans,
    /// unless told to plan without looking at values, and then binding any value made it plan the statement again
    /// on its first step: every list on every page was parsed and planned twice.
    /// </summary>
    [SkippableFact]
    public async Task A_statement_with_a_bound_limit_is_planned_once_on_the_sites_connections()
    {
        Skip.If(TestDatabase.IsPostgres, "Planning statements again on their values is SQLite's.");

        var (replans, rows) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var handle = connection.Handle!;
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, "SELECT value FROM json_each('[1, 2, 3]') LIMIT ?1", out var statement));
            using (statement)
            {
                raw.sqlite3_bind_int(statement, 1, 2);
                var count = 0;
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                {
                    count++;
                }

                return (raw.sqlite3_stmt_status(statement, StatementReprepares, 0), count);
            }
        });

        Assert.Equal(2, rows);
        Assert.Equal(0, replans);
    }

    /// <summary>SQLITE_STMTSTATUS_REPREPARE: how many times SQLite planned the statement again.</summary>
    private const int StatementReprepares = 5;
}
