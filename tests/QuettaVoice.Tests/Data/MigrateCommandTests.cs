using System.Diagnostics;
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

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuettaVoice.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = folder.Path;
        start.Environment["Storage__SeedDirectory"] = "";
        foreach (var (name, value) in database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        database.Dispose();
        folder.Dispose();
    }
}
