using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace QuettaVoice.Tests.Support;

/// <summary>Pages as a browser parses them, so tests look at elements, never at raw strings.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string Text(this IElement element) => element.TextContent.Trim();

    public static IElement One(this IParentNode node, string selector)
    {
        var matches = node.QuerySelectorAll(selector);
        Assert.True(matches.Length == 1, $"expected one '{selector}', found {matches.Length}");
        return matches[0];
    }
}
