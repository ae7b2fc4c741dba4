using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Web.Rendering;

/// <summary>
/// The one way Markdown becomes HTML on this site: Markdig with raw HTML disabled, then HtmlSanitizer.
/// Its output is the only text a view may write without encoding.
/// </summary>
public sealed class StoryRenderer
{
    /// <summary>
    /// Rendering a story costs milliseconds and every reader of it asks for the same text, so each output is kept,
    /// keyed by the text itself: an edit is a new key, and nothing needs telling when a story changes. Four million
    /// characters (8 MB) hold a few hundred stories, more than a spike reads; a crawler reading every story filled
    /// the 32 million kept before, 64 MB of text nobody asked for again.
    /// </summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 4 * 1024 * 1024 });

    private readonly record struct RenderKey(string Kind, string Markdown, string? BaseUrl, string? Dateline = null);

    private static string Remember(RenderKey key, Func<RenderKey, string> render)
    {
        if (Rendered.TryGetValue(key, out string? cached))
        {
            return cached!;
        }

        var output = render(key);
        // Sized in characters of both texts, so the cache holds a bounded amount of memory.
        Rendered.Set(key, output, new MemoryCacheEntryOptions { Size = key.Markdown.Length + output.Length });
        return output;
    }

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer sanitizer = new();

    private readonly LibraryPictures? library;

    /// <param name="library">Where pictures of the media library written into a text are looked up; without it no picture is the library's.</param>
    public StoryRenderer(LibraryPictures? library = null)
    {
        this.library = library;
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // A picture in the text comes after the headline and standfirst (and the story's own picture, if any), most
        // often below the fold of a phone: it is fetched only as the reader nears it, so a reader on mobile data who
        // stops early never pays for it. Browsers still fetch at once a lazy picture within a screen or two of the top.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IHtmlImageElement picture)
            {
                return;
            }

            if (OfferEveryCopy(picture))
            {
                picture.SetAttribute("loading", "lazy");
                picture.SetAttribute("decoding", "async");
            }
            else
            {
                e.ReplacementNodes.Add(LinkInsteadOf(picture, e.Document));
            }
        };
    }

    /// <summary>
    /// A picture of the library is sent as a story's own picture is: every copy for the browser to choose from, and
    /// its size, so the text keeps its place before the picture arrives. Set after sanitising, from the store's
    /// values only. False for any other picture.
    /// </summary>
    private bool OfferEveryCopy(IHtmlImageElement picture)
    {
        if (library is null || LibraryPath(picture.GetAttribute("src") ?? "", sanitisingOrigin) is not { } path || library.Find(path.Path) is not { } item)
        {
            return false;
        }

        var copies = ResponsiveImage.For(item, path.Origin);
        picture.SetAttribute("src", copies.Src);
        picture.SetAttribute("srcset", copies.SrcSet);
        picture.SetAttribute("sizes", ResponsiveImage.StoryColumnSizes);
        picture.SetAttribute("width", copies.Width.ToString(CultureInfo.InvariantCulture));
        picture.SetAttribute("height", copies.Height.ToString(CultureInfo.InvariantCulture));
        if (string.IsNullOrWhiteSpace(picture.AlternativeText) && !string.IsNullOrWhiteSpace(item.AltText))
        {
            picture.AlternativeText = item.AltText;
        }

        return true;
    }

    /// <summary>
    /// The origin the text being sanitised on this thread has its relative addresses made absolute on (a feed's), or
    /// null. Only on it is an absolute address one of the library's: any other site may have a path that looks like one.
    /// </summary>
    [ThreadStatic]
    private static string? sanitisingOrigin;

    /// <summary>The path of what may be a library copy, and the origin to give its copies; null for an address elsewhere.</summary>
    /// <remarks>A path is tested as text first: .NET on Linux reads "/media/…" as an absolute file address.</remarks>
    private static (string Path, string Origin)? LibraryPath(string src, string? origin) =>
        src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) ? (src, "")
        : origin is not null && Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.GetLeftPart(UriPartial.Authority) == origin ? (uri.AbsolutePath, origin)
        : null;

    /// <summary>
    /// A picture from anywhere but the library is offered as a link to it, not shown. Its size is unknown, so the
    /// text would jump when it arrived; and showing it would have every reader's browser ask another site for it,
    /// telling that site who reads the story. The newsroom's forms refuse such pictures (see <see cref="PicturesOutsideLibraryMessage"/>);
    /// this is for texts saved before that rule, or restored from a revision that was. (Imports escape their text.)
    /// </summary>
    private static INode LinkInsteadOf(IHtmlImageElement picture, IHtmlDocument document)
    {
        var words = string.IsNullOrWhiteSpace(picture.AlternativeText) ? "Picture" : "Picture: " + picture.AlternativeText.Trim();
        if (picture.GetAttribute("src") is not { Length: > 0 } src)
        {
            return document.CreateTextNode(words);
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        link.TextContent = words;
        return link;
    }

    /// <summary>Why a text the newsroom wrote is refused for its pictures from outside the library, naming them; null when it has none.</summary>
    public string? PicturesOutsideLibraryMessage(string? markdown) =>
        PicturesOutsideLibrary(markdown) is [_, ..] outside
            ? $"A picture in the text must come from the media library, and {(outside.Count == 1 ? "this one does" : "these do")} not: "
              + string.Join(", ", outside.Select(address => address.Length == 0 ? "(no address)" : address))
              + ". Upload it on the Media page and paste the line the library gives beside it: readers then get a copy sized "
              + "for their screen, and no other site learns who reads the text."
            : null;

    /// <summary>The addresses of the pictures in <paramref name="markdown"/> that are no copy in the library, in the order they are written, each once.</summary>
    public IReadOnlyList<string> PicturesOutsideLibrary(string? markdown) =>
        Markdown.Parse(markdown ?? "", pipeline).Descendants<LinkInline>()
            .Where(link => link.IsImage)
            .Select(link => link.Url ?? "")
            .Where(url => library is null || LibraryPath(url, origin: null) is not { } path || library.Find(path.Path) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private const int TeaserMaxLength = 200;

    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The first paragraph of a Markdown text as plain text, cut at a word to fit a list.</summary>
    public static string? Teaser(string markdown) =>
        markdown.Length == 0 ? null : NullIfEmpty(Remember(new RenderKey(nameof(Teaser), markdown, null), key => RenderTeaser(key.Markdown) ?? ""));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string? RenderTeaser(string markdown)
    {
        var firstParagraph = Markdown.ToPlainText(markdown, PlainTextPipeline)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        if (firstParagraph is null || firstParagraph.Length <= TeaserMaxLength)
        {
            return firstParagraph;
        }

        var cut = firstParagraph.LastIndexOf(' ', TeaserMaxLength);
        return string.Concat(firstParagraph.AsSpan(0, cut > 0 ? cut : TeaserMaxLength).TrimEnd(",;:–— "), "…");
    }

    /// <param name="markdown">The text to render.</param>
    /// <param name="baseUrl">
    /// When given, relative links and pictures are made absolute on it: a feed reader shows the text away from the site.
    /// </param>
    public HtmlString Render(string? markdown, string? baseUrl = null) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Remember(new RenderKey(nameof(Render), markdown, baseUrl), Sanitized));

    private string Sanitized(RenderKey key)
    {
        sanitisingOrigin = key.BaseUrl is null ? null : new Uri(key.BaseUrl).GetLeftPart(UriPartial.Authority);
        try
        {
            return sanitizer.Sanitize(Markdown.ToHtml(key.Markdown, pipeline), key.BaseUrl ?? "");
        }
        finally
        {
            sanitisingOrigin = null;
        }
    }

    /// <summary>The story body with its dateline opening the first paragraph, as a newspaper prints it: "MOSCOW – In a…".</summary>
    /// <param name="markdown">The story text.</param>
    /// <param name="dateline">The place the story was filed from, if any.</param>
    /// <param name="baseUrl">When given, relative links and pictures are made absolute on it (for feeds).</param>
    /// <remarks>
    /// Kept whole with its dateline: joined on every request, a feed of twenty stories made twenty copies of
    /// their text for each reader.
    /// </remarks>
    public HtmlString RenderBody(string markdown, string? dateline, string? baseUrl = null) =>
        string.IsNullOrWhiteSpace(markdown) || string.IsNullOrWhiteSpace(dateline)
            ? Render(markdown, baseUrl)
            : new HtmlString(Remember(new RenderKey(nameof(RenderBody), markdown, baseUrl, dateline), key => WithDateline(Sanitized(key), key.Dateline!)));

    private static string WithDateline(string html, string dateline) =>
        html.StartsWith("<p>", StringComparison.Ordinal)
            ? html.Insert("<p>".Length, $"<span class=\"dateline\">{WebUtility.HtmlEncode(dateline)}</span> – ")
            : html;
}
