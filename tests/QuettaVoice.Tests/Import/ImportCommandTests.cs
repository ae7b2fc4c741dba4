using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Import;

namespace QuettaVoice.Tests.Import;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly TimeZoneInfo Quetta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");

    private readonly TempFolder folder = new();
    private readonly TestDatabase database;

    public ImportCommandTests() => database = new TestDatabase(DataDirectory);

    private string DataDirectory => Path.Combine(folder.Path, "data");

    public void Dispose()
    {
        database.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Flags_become_the_request()
    {
        var request = ImportCommand.Parse(
            ["a.txt", "--title", "Budget tabled", "--author", "Shahzada Zulfiqar", "--section", "Economy", "--published", "2025-07-03 14:30", "--dry-run", "seeds/"],
            Quetta,
            out var error);

        Assert.Null(error);
        Assert.Equal(["a.txt", "seeds/"], request!.Paths);
        Assert.Equal("Budget tabled", request.Title);
        Assert.Equal("Shahzada Zulfiqar", request.Author);
        Assert.Equal("Economy", request.Section);
        Assert.Equal(new DateTime(2025, 7, 3, 9, 30, 0, DateTimeKind.Utc), request.PublishedAt);
        Assert.True(request.DryRun);
    }

    [Theory]
    [InlineData("2025-07-03T09:30:00Z")]
    [InlineData("2025-07-03T14:30:00+05:00")]
    [InlineData("2025-07-03 14:30")]
    [InlineData("2025-07-03T14:30+0500")]
    public void A_published_time_is_newsroom_time_unless_it_carries_an_offset(string value) =>
        Assert.Equal(new DateTime(2025, 7, 3, 9, 30, 0, DateTimeKind.Utc), ImportCommand.ParseTime(value, Quetta));

    [Theory]
    [InlineData("03/07/2025")]
    [InlineData("next tuesday")]
    public void An_ambiguous_or_unreadable_time_is_refused_not_guessed(string value) =>
        Assert.Null(ImportCommand.ParseTime(value, Quetta));

    [Fact]
    public void A_date_alone_is_midnight_in_the_newsroom() =>
        Assert.Equal(new DateTime(2025, 7, 2, 19, 0, 0, DateTimeKind.Utc), ImportCommand.ParseTime("2025-07-03", Quetta));

    [Theory]
    [InlineData(new string[0], "no file or folder")]
    [InlineData(new[] { "a.txt", "--title" }, "--title needs a value")]
    [InlineData(new[] { "a.txt", "--colour", "red" }, "unknown option --colour")]
    [InlineData(new[] { "a.txt", "--published", "next tuesday" }, "is not a date")]
    public void Bad_flags_are_explained(string[] args, string message)
    {
        Assert.Null(ImportCommand.Parse(args, Quetta, out var error));
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--title", 200)] // the longest headline the newsroom's form takes
    [InlineData("--author", 100)]
    [InlineData("--section", 60)]
    public void A_name_longer_than_the_store_keeps_or_with_a_control_character_is_refused_before_anything_is_read(string flag, int longest)
    {
        Assert.NotNull(ImportCommand.Parse(["a.txt", flag, new string('a', longest)], Quetta, out _));

        Assert.Null(ImportCommand.Parse(["a.txt", flag, new string('a', longest + 1)], Quetta, out var tooLong));
        Assert.Equal($"{flag} is longer than {longest} characters", tooLong);
        Assert.Null(ImportCommand.Parse(["a.txt", flag, "Quetta\u0000Desk"], Quetta, out var control));
        Assert.Equal($"{flag} has an invisible control character (character 7)", control);
    }

    /// <summary>The real executable, as an editor runs it: exit codes and output are what a script relies on.</summary>
    [Fact]
    public async Task The_site_executable_imports_files_and_exits_non_zero_when_one_fails()
    {
        var broken = folder.WriteBytes("broken.txt", [0x41, 0x00, 0xFF, 0x42]);

        var first = await RunSiteAsync("import", Seed.FilePath);
        var second = await RunSiteAsync("import", Seed.FilePath, broken);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"imported “{Seed.Headline}”", first.Output);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("skipped, already imported", second.Output);
        Assert.Contains("broken.txt: error: binary file", second.Output);
        Assert.Contains("Imported 0, skipped 1 already imported, 1 failed.", second.Output);

        var usage = await RunSiteAsync("import", "--bogus", "x");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage: import PATH", usage.Output);
    }

    [Fact]
    public async Task A_dry_run_on_a_new_install_stores_nothing_at_all()
    {
        var run = await RunSiteAsync(seed: true, "import", "--dry-run", Seed.FilePath);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"would import “{Seed.Headline}”", run.Output);
        Assert.Contains("author Quetta Voice with bio", run.Output);
        Assert.Contains("caption Screenshot", run.Output);
        foreach (var table in new[] { "Articles", "Authors", "Sections" })
        {
            Assert.Equal(0L, await database.CountAsync(table));
        }
    }

    private Task<(int ExitCode, string Output)> RunSiteAsync(params string[] args) => RunSiteAsync(seed: false, args);

    private Task<(int ExitCode, string Output)> RunSiteAsync(bool seed, params string[] args) =>
        SiteExecutable.RunAsync(DataDirectory, database, seed, args);
}
