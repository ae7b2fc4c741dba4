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
}
