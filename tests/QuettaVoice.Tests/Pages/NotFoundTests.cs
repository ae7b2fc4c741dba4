using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Pages;

public sealed class NotFoundTests : SiteTest
{
    
    [Theory]
    [InlineData("/2025/07/03/no-such-story")]
    [InlineData("/2025/13/03/bad-month")]
    [InlineData("/author/nobody")]
    [InlineData("/category/sport")]
    [InlineData("/tag/nothing")]
    [InlineData("/page/99")]
    [InlineData("/no/such/page/at/all")]
    [InlineData("/wp-login.php")]
    [InlineData("/error")]
    [InlineData("/error/500")]
    [InlineData("/error/403")]
    public async Task An_unknown_address_is_a_404_page_that_helps_the_reader_on(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Page not found", page.One("main h1").Text());
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/category/education");
    }
}
