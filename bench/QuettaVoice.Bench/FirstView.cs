using AngleSharp.Html.Parser;

namespace QuettaVoice.Bench;

/// <summary>
/// The seed story's first view as a browser on a cheap phone fetches it, images aside: the page, then the
/// stylesheets, scripts and icon it loads, each as sent with the encodings browsers ask for.
/// </summary>
public sealed record FirstView(int Bytes, int StylesheetBytes, int WebFonts, int BlockingScripts)
{
    public static async Task<FirstView> MeasureAsync(SiteProcess server, string path)
    {
        var (_, html) = await server.GetAsync(path);
        var page = new HtmlParser().ParseDocument(html);
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var scripts = page.QuerySelectorAll("script[src]").ToList();
        var others = scripts.Select(s => s.GetAttribute("src")!).Concat(page.QuerySelectorAll("link[rel=icon]").Select(l => l.GetAttribute("href")!));

        var bytes = await server.GetLengthAsync(path, Scenario.BrowserEncodings);
        var stylesheetBytes = 0;
        var webFonts = page.QuerySelectorAll("link[rel=preload][as=font]").Length;
        foreach (var stylesheet in stylesheets)
        {
            stylesheetBytes += await server.GetLengthAsync(stylesheet, Scenario.BrowserEncodings);
            var (_, css) = await server.GetAsync(stylesheet);
            webFonts += CountOf("@font-face", css);
        }

        foreach (var other in others)
        {
            bytes += await server.GetLengthAsync(other, Scenario.BrowserEncodings);
        }

        var blocking = scripts.Count(s => !s.HasAttribute("defer") && !s.HasAttribute("async") && s.GetAttribute("type") != "module");
        return new FirstView(bytes + stylesheetBytes, stylesheetBytes, webFonts, blocking);
    }

    private static int CountOf(string text, string inside) =>
        inside.Split(text, StringSplitOptions.None).Length - 1;
}
