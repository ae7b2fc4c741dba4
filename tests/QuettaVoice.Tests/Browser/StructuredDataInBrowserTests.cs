using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Browser;

/// <summary>The JSON-LD blocks as a real browser meets them, under the site's policy against inline script.</summary>
public sealed class StructuredDataInBrowserTests(LiveSite site) : BrowserTest(site)
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData(Seed.Permalink)]
    public async Task The_json_ld_blocks_are_readable_data_that_the_content_security_policy_lets_through(string url)
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await OpenAsync();
        var complaints = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                complaints.Add(message.Text);
            }
        };

        await page.GotoAsync(url);

        var types = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent)['@type'])");
        Assert.NotEmpty(types);
        Assert.Contains(types, type => type is "NewsArticle" or "WebSite");
        Assert.Empty(complaints);
    }
}
