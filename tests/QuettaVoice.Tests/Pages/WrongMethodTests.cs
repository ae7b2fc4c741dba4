using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Pages;

/// <summary>A request with a method a page does not take gets a page saying so, never an error or a blank.</summary>
public sealed class WrongMethodTests() : SiteTest(seed: true)
{
    [Theory]
    [InlineData("/", "GET, HEAD")]
    [InlineData("/category/education", "GET, HEAD")]
    [InlineData("/search?q=taliban", "GET, HEAD")]
    [InlineData(Seed.Permalink, "GET, HEAD")] // its one POST is the comment form's, at ?handler=Comment
    public async Task A_post_with_a_good_form_token_to_a_page_that_takes_no_such_post_is_405(string url, string allowed)
    {
        var reader = App.CreateReader();
        var token = (await reader.GetDocumentAsync(Seed.Permalink)).ValueOf("__RequestVerificationToken")!;

        using var response = await reader.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("Not allowed", (await response.ParseAsync()).One("main h1").Text());
    }

    [Theory]
    [InlineData("PUT", "/category/education", HttpStatusCode.BadRequest, "Bad request")]
    [InlineData("PATCH", "/author/shahzada-zulfiqar", HttpStatusCode.BadRequest, "Bad request")]
    [InlineData("PATCH", Seed.Permalink, HttpStatusCode.MethodNotAllowed, "Not allowed")] // the page checks its own form token, for its POST only
    [InlineData("DELETE", "/feed", HttpStatusCode.MethodNotAllowed, "Not allowed")]
    [InlineData("DELETE", "/sitemap.xml", HttpStatusCode.MethodNotAllowed, "Not allowed")]
    [InlineData("PROPFIND", "/category/education", HttpStatusCode.BadRequest, "Bad request")]
    [InlineData("PROPFIND", "/no/such/page", HttpStatusCode.NotFound, "Page not found")]
    public async Task Any_other_method_gets_the_page_that_says_what_happened(string method, string url, HttpStatusCode status, string heading)
    {
        using var response = await App.CreateReader().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, (await response.ParseAsync()).One("main h1").Text());
        if (status == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
        }
    }
}
