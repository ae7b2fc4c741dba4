using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Search;

/// <summary>Whatever lands in the search box, from a stray quote to an attack, the reader gets a page, never an error.</summary>
public sealed class HostileQueryTests(SharedSite site) : IClassFixture<SharedSite>
{
    private TestApp App => site.App;

    public static TheoryData<string> Queries => new(
        "\"",
        "\"\"\"",
        "\"Taliban",
        "Taliban\"",
        "\"Taliban\" \"",
        "'",
        "''",
        "Taliban's",
        "*",
        "**",
        "*Taliban",
        "Tal*ban",
        "Taliban*",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        "Taliban OR",
        "OR Taliban",
        "Taliban AND OR NOT Russia",
        "NOT Taliban",
        "-Taliban",
        "--",
        "- -",
        "NEAR(Taliban Russia, 2)",
        "Taliban NEAR/2 Russia",
        "(",
        ")",
        "((Taliban",
        "Taliban))",
        "(Taliban OR (Russia",
        "[Taliban]",
        "{Taliban}",
        "^Taliban",
        "Headline:Taliban",
        "ArticleSearch:Taliban",
        "rowid:1",
        "{Headline Body}: Taliban",
        "'; DROP TABLE Articles; --",
        "\" OR 1=1 --",
        "1' OR '1'='1",
        "Taliban' UNION SELECT AuthorEmail FROM Comments --",
        "%",
        "%%%",
        "_",
        "\\",
        "\\\"",
        "\0",
        "\u0002Taliban\u0003",
        "<script>alert(1)</script>",
        "&lt;b&gt;",
        "${jndi:ldap://x}",
        "../../etc/passwd",
        "تعلیم",
        "بلوچستان میں تعلیم",
        "\"طالبان حکومت\"",
        "Quetta 😀 كويته",
        "e\u0301cole",
        "ＴＡＬＩＢＡＮ",
        "\u202Enabilat",
        "12345678901234567890",
        "0",
        "-1",
        "Taliban -Taliban",
        string.Concat(Enumerable.Repeat("Taliban ", 400)),
        string.Concat(Enumerable.Repeat("\"", 5000)),
        string.Concat(Enumerable.Repeat("(", 3000)),
        new string('a', 20000));

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Any_query_is_answered_with_a_page(string query)
    {
        var reader = App.CreateReader();
        var loggedBefore = App.Logs.Events.Count; // the site is shared: only this query's lines count
        using var response = await reader.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Search", page.One("main h1").Text());
        Assert.DoesNotContain(App.Logs.Events.Skip(loggedBefore), e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Theory]
    [InlineData("/search/page/0?q=Taliban")]
    [InlineData("/search/page/-1?q=Taliban")]
    [InlineData("/search/page/99999?q=Taliban")]
    [InlineData("/search/page/214748366?q=Taliban")] // its first result's place overflows an int
    public async Task A_results_page_that_cannot_exist_is_not_found(string address)
    {
        var loggedBefore = App.Logs.Events.Count;
        using var response = await App.CreateReader().GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(App.Logs.Events.Skip(loggedBefore), e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task A_query_string_given_twice_or_as_nonsense_still_gets_a_page()
    {
        foreach (var address in new[] { "/search?q=a&q=b", "/search?q", "/search?q=%", "/search?q=%ZZ", "/search?page=abc&q=Taliban" })
        {
            using var response = await App.CreateReader().GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} answered {(int)response.StatusCode}");
        }
    }
}
