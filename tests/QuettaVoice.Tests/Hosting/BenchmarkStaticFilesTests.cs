using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Tests.Hosting;

/// <summary>The benchmark's static-file yardstick exists only when a benchmark asks for it.</summary>
public sealed class BenchmarkStaticFilesTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Saved_pages_are_not_served_unless_a_folder_is_configured()
    {
        folder.Write("story.html", "<p>saved</p>");
        await using var app = new TestApp(seed: false);

        using var response = await app.CreateReader().GetAsync($"{BenchmarkStaticFiles.RequestPath}/story.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Saved_pages_are_served_from_the_configured_folder()
    {
        folder.Write("story.html", "<p>saved</p>");
        await using var app = new TestApp(seed: false, settings: new Dictionary<string, string> { [BenchmarkStaticFiles.SettingName] = folder.Path });

        using var response = await app.CreateReader().GetAsync($"{BenchmarkStaticFiles.RequestPath}/story.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<p>saved</p>", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => folder.Dispose();
}
