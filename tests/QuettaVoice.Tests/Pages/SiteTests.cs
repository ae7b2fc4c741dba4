using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Tests.Pages;

/// <summary>What every response carries, and what the site does when something breaks.</summary>
public sealed class SiteTests : SiteTest
{
    
    [Theory]
    [InlineData("/")]
    [InlineData("/category/education")]
    [InlineData("/no-such-page")]
    public async Task Every_page_sends_the_security_headers(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_or_style()
    {
        var page = await App.CreateReader().GetDocumentAsync("/");

        // A JSON-LD block is data for search engines, never run; StructuredDataTests shows nothing can break out of it.
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), style, [style]"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_stylesheet_is_fingerprinted_and_served()
    {
        var reader = App.CreateReader();
        var href = (await reader.GetDocumentAsync("/")).One("link[rel=stylesheet]").GetAttribute("href")!;

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        using var css = await reader.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("prefers-color-scheme: dark", await css.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, deflate, br")]
    public async Task The_stylesheet_arrives_whole_and_compressed_for_browsers_that_ask(string encoding)
    {
        var reader = App.CreateReader();
        var href = (await reader.GetDocumentAsync("/")).One("link[rel=stylesheet]").GetAttribute("href")!;
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var css = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Assert.Single(css.Content.Headers.ContentEncoding), encoding);
        Assert.True((await css.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task When_the_store_fails_the_reader_gets_an_apology_and_no_stack_trace()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(App.Database.DropStoriesSql));

        using var response = await App.CreateReader().GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Something went wrong", page.One("main h1").Text());
        var text = page.DocumentElement.TextContent;
        Assert.DoesNotContain("SqliteException", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("no such table", text);
        Assert.StartsWith("HTTP GET / responded 500", Assert.Single(await RequestLinesAsync()));
    }

    [Theory]
    [InlineData("/category/education", 200)]
    [InlineData("/category/no-such-section", 404)]
    public async Task Each_request_is_logged_on_one_line_by_path_without_its_query_string(string path, int status)
    {
        using var response = await App.CreateReader().GetAsync(path + "?email=reader%40example.com&password=hunter2");

        var line = Assert.Single(await RequestLinesAsync());
        Assert.StartsWith($"HTTP GET {path} responded {status}", line);
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("example.com", StringComparison.OrdinalIgnoreCase) || l.Contains("hunter2", StringComparison.Ordinal));
    }

    /// <summary>The request lines logged so far; each is written as its response completes, which the client may see first.</summary>
    private async Task<List<string>> RequestLinesAsync()
    {
        var lines = new List<string>();
        for (var wait = 0; wait < 50 && lines.Count == 0; wait++)
        {
            await Task.Delay(100);
            lines = App.Logs.Lines.Where(l => l.StartsWith("HTTP ", StringComparison.Ordinal)).ToList();
        }

        return lines;
    }

    [Fact]
    public async Task A_misspelt_time_zone_stops_the_site_at_start_with_a_clear_reason()
    {
        var (exitCode, output) = await SiteExecutable.StartWithAsync("Site:TimeZone=Asia/Quetta-ish");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Site:TimeZone is not a time zone", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_state_lives_in_the_configured_data_folder()
    {
        _ = await App.CreateReader().GetAsync("/");

        if (!TestDatabase.IsPostgres)
        {
            Assert.True(File.Exists(App.Database.FilePath), $"no database at {App.Database.FilePath}");
        }

        Assert.NotEmpty(KeyFiles());
    }

    [Fact]
    public async Task New_keys_seal_forms_and_cookies_with_AES_GCM()
    {
        _ = await App.CreateReader().GetAsync("/");

        var keys = KeyFiles();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("<encryption algorithm=\"AES_256_GCM\" />", File.ReadAllText(key)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task The_key_ring_is_readable_by_the_sites_own_user_alone_even_in_a_folder_made_before()
    {
        var folder = Path.Combine(App.DataDirectory, SharedStateServices.KeyRingFolderName);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        using var front = await App.CreateReader().GetAsync("/");

        Assert.NotEmpty(KeyFiles());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task The_data_folder_with_the_store_in_it_is_the_sites_own_user_alone()
    {
        using var front = await App.CreateReader().GetAsync("/");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(App.DataDirectory));
    }

    /// <summary>The key ring's files, which the site writes in its data folder on one server.</summary>
    private string[] KeyFiles() => Directory.GetFiles(Path.Combine(App.DataDirectory, SharedStateServices.KeyRingFolderName), "key-*.xml");
}
