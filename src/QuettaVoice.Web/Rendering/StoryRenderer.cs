using System.Net;
using AngleSharp;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

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

    /// <summary>How Markdown is read everywhere on the site, so that what is checked in a text is what is rendered.</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer sanitizer = new();

    private readonly PicturesInText pictures;

    /// <param name="pictures">The rule for pictures in a text; without it no picture is the library's.</param>
    public StoryRenderer(PicturesInText? pictures = null)
    {
        this.pictures = pictures ?? new PicturesInText();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
    }

    private const int TeaserMaxLength = 200;

    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The first paragraph of a Markdown text as plain text, cut at a word to fit a list.</summary>
    /// <param name="markdown">The text.</param>
    /// <param name="isStartOfLonger">
    /// The text is the start of a longer one, cut anywhere (a list reads only that much of each story): its last word,
    /// perhaps a part of one, and a link cut in two are left out, and a first paragraph that goes on ends in "…".
    /// </param>
    public static string? Teaser(string markdown, bool isStartOfLonger = false) =>
        markdown.Length == 0
            ? null
            : NullIfEmpty(Remember(new RenderKey(isStartOfLonger ? "TeaserOfStart" : nameof(Teaser), markdown, null), key => RenderTeaser(key.Markdown, isStartOfLonger) ?? ""));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string? RenderTeaser(string markdown, bool isStartOfLonger)
    {
        try
        {
            return TeaserOf(markdown, isStartOfLonger);
        }
        catch (ArgumentException)
        {
            // Nested too deeply to read (see IsTooDeep): its first words as written, rather than a list page that fails.
            return GoesOn(markdown.AsSpan(0, Math.Min(markdown.Length, TeaserMaxLength)));
        }
    }

    private static string? TeaserOf(string markdown, bool isStartOfLonger)
    {
        var paragraphs = Markdown.ToPlainText(isStartOfLonger ? WholeWordsAndLinks(markdown) : markdown, PlainTextPipeline)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var firstParagraph = paragraphs.FirstOrDefault();
        if (firstParagraph is null || firstParagraph.Length <= TeaserMaxLength)
        {
            // The first paragraph goes on past the cut when nothing (another paragraph, a heading, a list) follows it
            // before the cut, read from the start as it came, before its last word was left out.
            var goesOn = isStartOfLonger && Markdown.Parse(markdown, PlainTextPipeline).Count <= 1;
            return goesOn && firstParagraph is not null ? GoesOn(firstParagraph) : firstParagraph;
        }

        var cut = firstParagraph.LastIndexOf(' ', TeaserMaxLength);
        return GoesOn(firstParagraph.AsSpan(0, cut > 0 ? cut : TeaserMaxLength));
    }

    /// <summary>Text that the teaser stops short of, ending in an ellipsis rather than in a comma or a dash.</summary>
    private static string GoesOn(ReadOnlySpan<char> text) => string.Concat(text.TrimEnd(",;:–— "), "…");

    /// <summary>The start of a text without its last word, which may be cut, and without a link cut in two.</summary>
    private static string WholeWordsAndLinks(string start)
    {
        var lastBreak = start.AsSpan().LastIndexOfAny(" \n\t");
        var text = lastBreak > 0 ? start[..lastBreak] : start;
        var linkText = text.LastIndexOf('[');
        if (linkText > text.LastIndexOf(']'))
        {
            return text[..linkText];
        }

        var address = text.LastIndexOf("](", StringComparison.Ordinal);
        if (address >= 0 && address > text.LastIndexOf(')'))
        {
            var link = text.LastIndexOf('[', address);
            return text[..(link >= 0 ? link : address)];
        }

        return text;
    }

    /// <param name="markdown">The text to render.</param>
    /// <param name="baseUrl">
    /// When given, relative links and pictures are made absolute on it: a feed reader shows the text away from the site.
    /// </param>
    public HtmlString Render(string? markdown, string? baseUrl = null) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Remember(new RenderKey(nameof(Render), markdown, baseUrl), Sanitized));

    private string Sanitized(RenderKey key)
    {
        if (UnderThePagesHeadline(key.Markdown) is not { } parsed)
        {
            // Nested too deeply to read (see IsTooDeep): saved before the forms refused such a text, or imported. Shown
            // as the words written, rather than failing the page.
            return $"<p>{WebUtility.HtmlEncode(key.Markdown)}</p>";
        }

        using var document = sanitizer.SanitizeDom(Markdown.ToHtml(parsed, Pipeline), key.BaseUrl ?? "");
        pictures.Apply(document, string.IsNullOrEmpty(key.BaseUrl) ? null : new Uri(key.BaseUrl).GetLeftPart(UriPartial.Authority));
        return document.Body?.ChildNodes.ToHtml(sanitizer.OutputFormatter) ?? "";
    }

    /// <summary>
    /// The text read, its headings moved down a level when it has a first-level one ("# …"): the page's headline
    /// is its one h1, and a second made the outline of the page wrong for anyone finding their way by headings.
    /// </summary>
    private static MarkdownDocument? UnderThePagesHeadline(string markdown)
    {
        if (Parse(markdown) is not { } document)
        {
            return null;
        }

        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Exists(h => h.Level == 1))
        {
            headings.ForEach(h => h.Level = Math.Min(h.Level + 1, 6));
        }

        return document;
    }

    /// <summary>Why the newsroom's forms refuse a text Markdig cannot read: nested past its limit (thousands of "&gt;" or "[").</summary>
    public const string TooDeepMessage = "The text nests quotes, lists, links or emphasis more deeply than a page can show: take some of them out.";

    /// <summary>
    /// Whether Markdig refuses to read the text, as it does one nested past its depth limit: read anyway, it failed
    /// every page that showed it.
    /// </summary>
    public static bool IsTooDeep(string? markdown) => !string.IsNullOrEmpty(markdown) && Parse(markdown) is null;

    /// <summary>The text read as the site reads Markdown, or null when it is nested too deeply to read (see <see cref="IsTooDeep"/>).</summary>
    internal static MarkdownDocument? Parse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
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
