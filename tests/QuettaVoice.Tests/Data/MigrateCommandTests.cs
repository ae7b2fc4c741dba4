using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Data;

/// <summary><c>migrate</c> on the site's own executable, as a deploy script runs it before starting the instances.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TestDatabase database;

    public MigrateCommandTests() => database = new TestDatabase(folder.Path, empty: true);

    [Fact]
    public async Task Migrate_brings_an_empty_store_up_to_date_once_and_then_has_nothing_to_do()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"Applied \d+ migration\(s\): \d+_InitialCreate", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("The store is up to date: no migration to apply.", second.Output);
        Assert.Equal(0L, await database.CountAsync("Articles"));
    }

    [Fact]
    public async Task Migrate_takes_no_arguments()
    {
        var run = await RunAsync("migrate", "--now");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: migrate", run.Output);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        SiteExecutable.RunAsync(folder.Path, database, seed: false, args);

    public void Dispose()
    {
        database.Dispose();
        folder.Dispose();
    }
}
