using AngleSharp;
using AngleSharp.Dom;

namespace QuettaVoice.Tests.Support;

/// <summary>Pages as a browser parses them, at their own address, so tests look at elements, never at raw strings.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/";
        return await Context.OpenAsync(request => request.Content(html).Address(address));
    }

    public static IDocument Parse(string html) => Context.OpenAsync(request => request.Content(html)).GetAwaiter().GetResult();

    public static string Text(this IElement element) => element.TextContent.Trim();

    public static IElement One(this IParentNode node, string selector)
    {
        var matches = node.QuerySelectorAll(selector);
        Assert.True(matches.Length == 1, $"expected one '{selector}', found {matches.Length}");
        return matches[0];
    }
}
