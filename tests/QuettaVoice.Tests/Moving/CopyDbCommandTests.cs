using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Moving;

namespace QuettaVoice.Tests.Moving;

/// <summary><c>copy-db</c> on the site's own executable, as an operator runs it: what it prints and its exit codes.</summary>
public sealed class CopyDbCommandTests : IAsyncLifetime
{
    private readonly TestApp source = new(seed: true, provider: DatabaseProvider.Sqlite);
    private readonly TempFolder folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        folder.Dispose();
    }

    [SkippableFact]
    public async Task The_executable_copies_prints_its_counts_and_refuses_a_second_copy()
    {
        TestDatabase.SkipUnlessPostgres();
        using var target = new TestDatabase(folder.Path, DatabaseProvider.Postgres);
        // The source site's first start imports the seed story into its SQLite file.
        var stories = await source.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

        var copy = await RunAsync("copy-db", "--to", target.ConnectionString);
        var again = await RunAsync("copy-db", "--to", target.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.Output);
        Assert.Matches($@"Articles\s+{stories} read\s+{stories} written", copy.Output);
        Assert.Matches(@"Total\s+(\d+) read\s+\1 written, in \d+ tables\.", copy.Output);
        Assert.Contains("Media files are not in the database", copy.Output);
        Assert.Equal(stories, await target.CountAsync("Articles"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("the target already holds rows in", again.Output);
        Assert.Equal(stories, await target.CountAsync("Articles"));
    }

    [Theory]
    [InlineData]
    [InlineData("--to")]
    [InlineData("--into", "Host=127.0.0.1")]
    public async Task Without_a_target_it_shows_the_usage_and_exits_2(params string[] args)
    {
        var run = await RunAsync(["copy-db", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: copy-db --to", run.Output);
    }

    [Fact]
    public void Every_table_comes_after_the_tables_its_foreign_keys_point_at()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        var order = StoreCopy.TablesInForeignKeyOrder(db.Model).Select(t => t.Name).ToList();

        Assert.Equal(db.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(), order.Order());
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var key in table.ForeignKeyConstraints)
            {
                Assert.True(order.IndexOf(key.PrincipalTable.Name) <= order.IndexOf(table.Name), $"{table.Name} comes before {key.PrincipalTable.Name}, which {key.Name} points at");
            }
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        SiteExecutable.RunAsync(source.DataDirectory, source.Database, seed: false, args);
}
