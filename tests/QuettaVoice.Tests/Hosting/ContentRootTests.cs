using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Hosting;

/// <summary>The site started from a folder that is not its own, as a shell elsewhere or a service manager starts it.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Started_from_another_folder_the_site_keeps_to_its_own_settings()
    {
        using var data = new TempFolder();
        using var elsewhere = new TempFolder();
        using var database = new TestDatabase(data.Path, empty: true);
        await using var site = await SiteServerProcess.StartAsync(elsewhere.Path, data.Path, database);

        var response = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
        var log = await site.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HTTP GET / responded 200", log, StringComparison.Ordinal);
        // Its settings file keeps the framework's own logging to warnings. Without it every SQL command and every
        // step of a request was logged: about 12 KB of log for one story page, and half its processor time.
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", log, StringComparison.Ordinal);
        // Nothing of the site is written where it happened to be started.
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }
}
