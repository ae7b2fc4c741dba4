using System.Buffers.Binary;
using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Accounts;

/// <summary><c>users add</c> on the site's own executable, as a deploy script runs it.</summary>
public sealed class UsersCommandTests : SiteTest
{
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    private Task<int> RunAsync(string password, params string[] args) =>
        UsersCommand.RunAsync(App.Services, args, new StringReader(password + "\n"), output, errors);

    [Fact]
    public async Task A_user_added_by_script_signs_in_with_the_password_from_standard_input()
    {
        var exit = await RunAsync("a long enough password", "add", "--email", "desk@quettavoice.test", "--name", "News Desk", "--role", Roles.Editor, "--password-stdin");

        Assert.Equal(0, exit);
        Assert.Equal("Added News Desk as Editor.", output.ToString().Trim());
        using var signedIn = await App.CreateReader().SignInAsync("desk@quettavoice.test", "a long enough password");
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("short", Roles.Editor, "at least 12 characters")]
    [InlineData("a long enough password", "Publisher", "There is no role \"Publisher\"")]
    public async Task A_refused_user_exits_1_and_says_why(string password, string role, string reason)
    {
        var exit = await RunAsync(password, "add", "--email", "x@quettavoice.test", "--name", "X", "--role", role, "--password-stdin");

        Assert.Equal(1, exit);
        Assert.Contains(reason, errors.ToString());
        using var refused = await App.CreateReader().SignInAsync("x@quettavoice.test", password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Theory]
    [InlineData("add", "--email", "x@quettavoice.test", "--name", "X", "--role", "Editor")]
    [InlineData("remove", "--email", "x@quettavoice.test")]
    [InlineData("add", "--password", "on-the-command-line")]
    public async Task A_password_not_from_standard_input_or_a_wrong_verb_shows_the_usage(params string[] args)
    {
        Assert.Equal(2, await RunAsync("a long enough password", args));
        Assert.Contains("usage: users add", errors.ToString());
    }

    [Fact]
    public async Task The_executable_reads_the_password_from_its_standard_input_and_stores_it_hashed_with_the_full_work_factor()
    {
        using var folder = new TempFolder();
        using var database = new TestDatabase(folder.Path);

        var (exitCode, output) = await SiteExecutable.RunWithInputAsync(folder.Path, database, seed: false, "a long enough password",
            "users", "add", "--email", "ops@quettavoice.test", "--name", "Ops", "--role", "Admin", "--password-stdin");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Added Ops as Admin.", output);
        Assert.DoesNotContain("a long enough password", output);

        // The site as deployed, not as the tests' sites hash (TestApp.PasswordHashRounds). Identity's version 3
        // layout: a marker byte 1, the PRF, then the rounds, each a big-endian 32-bit number.
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"PasswordHash\" FROM \"AspNetUsers\" WHERE \"Email\" = 'ops@quettavoice.test'";
        var hash = Convert.FromBase64String((string)(await command.ExecuteScalarAsync())!);
        Assert.Equal(1, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000, "the site hashes passwords with fewer than 100,000 rounds");
    }
}
