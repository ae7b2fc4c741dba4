using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Web.Rendering;

/// <summary>
/// The rule for pictures written into a text: a picture of the media library is sent as a story's own picture is,
/// every copy and its size; any other is refused by the newsroom's forms and, if a text holds one all the same, sent
/// as a link to it. Only a relative <c>/media/…</c> address is the library's, or in a feed one on the site's origin:
/// any other site may have a path that looks like one.
/// </summary>
/// <param name="library">Where the library's pictures are looked up; without it no picture is the library's.</param>
public sealed class PicturesInText(LibraryPictures? library = null)
{
    /// <summary>
    /// Gives each picture in a sanitised text what the rule says. Run after sanitising, so every value set here is
    /// the store's, and every address has passed the sanitiser.
    /// </summary>
    /// <param name="document">The sanitised text.</param>
    /// <param name="origin">The origin relative addresses were made absolute on (a feed's), or null.</param>
    public void Apply(IHtmlDocument document, string? origin)
    {
        foreach (var picture in document.Images.ToList())
        {
            if (Find(picture.GetAttribute("src") ?? "", origin) is { } item)
            {
                OfferEveryCopy(picture, item, origin ?? "");
            }
            else
            {
                picture.Replace(LinkInsteadOf(picture, document));
            }
        }
    }

    /// <summary>The addresses of the pictures in <paramref name="markdown"/> that are no copy in the library, in the order they are written, each once.</summary>
    public IReadOnlyList<string> OutsideLibrary(string? markdown) =>
        StoryRenderer.Parse(markdown ?? "") is { } document ? OutsideLibrary(document) : [];

    private List<string> OutsideLibrary(MarkdownDocument document) =>
        document.Descendants<LinkInline>()
            .Where(link => link.IsImage)
            .Select(link => link.Url ?? "")
            .Where(url => Find(url, origin: null) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Why a text the newsroom wrote is refused: nested too deeply to read (<see cref="StoryRenderer.IsTooDeep"/>), or
    /// holding pictures from outside the library, named; null when neither.
    /// </summary>
    public string? RefusalOf(string? markdown) =>
        StoryRenderer.Parse(markdown ?? "") is not { } document ? StoryRenderer.TooDeepMessage
        : OutsideLibrary(document) is [_, ..] outside
            ? (outside.Count == 1 ? "A picture in the text must come from the media library, and this one does not: " : "Pictures in the text must come from the media library, and these do not: ")
              + string.Join(", ", outside.Select(address => address.Length == 0 ? "(no address)" : address))
              + $". Upload {(outside.Count == 1 ? "it" : "them")} on the Media page and paste the line the library gives beside each: "
              + "readers then get a copy sized for their screen, and no other site learns who reads the text."
            : null;

    /// <summary>The library picture <paramref name="src"/> is a copy of, or null.</summary>
    private MediaItem? Find(string src, string? origin)
    {
        var path = src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) ? src
            // .NET on Linux reads "/media/…" as an absolute file address, hence the path is tested as text first.
            : origin is not null && Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.GetLeftPart(UriPartial.Authority) == origin ? uri.AbsolutePath
            : null;
        return path is null ? null : library?.Find(path);
    }

    /// <summary>
    /// Every copy for the browser to choose from, and the picture's size, so the text keeps its place before the
    /// picture arrives. It comes after the headline and standfirst (and the story's own picture, if any), most often
    /// below the fold of a phone: it is fetched only as the reader nears it, so a reader on mobile data who stops early
    /// never pays for it. Browsers still fetch at once a lazy picture within a screen or two of the top.
    /// </summary>
    private static void OfferEveryCopy(IHtmlImageElement picture, MediaItem item, string origin)
    {
        var copies = ResponsiveImage.For(item, origin);
        picture.SetAttribute("src", copies.Src);
        picture.SetAttribute("srcset", copies.SrcSet);
        picture.SetAttribute("sizes", ResponsiveImage.StoryColumnSizes);
        picture.SetAttribute("width", copies.Width.ToString(CultureInfo.InvariantCulture));
        picture.SetAttribute("height", copies.Height.ToString(CultureInfo.InvariantCulture));
        picture.SetAttribute("loading", "lazy");
        picture.SetAttribute("decoding", "async");
        if (string.IsNullOrWhiteSpace(picture.AlternativeText) && !string.IsNullOrWhiteSpace(item.AltText))
        {
            picture.AlternativeText = item.AltText;
        }
    }

    /// <summary>
    /// A picture from anywhere else is offered as a link to it, not shown. Its size is unknown, so the text would jump
    /// when it arrived; and showing it would have every reader's browser ask another site for it, telling that site
    /// who reads the story. Inside a link it is only words, as a link in a link would break the outer one.
    /// </summary>
    private static INode LinkInsteadOf(IHtmlImageElement picture, IHtmlDocument document)
    {
        var words = string.IsNullOrWhiteSpace(picture.AlternativeText) ? "Picture" : "Picture: " + picture.AlternativeText.Trim();
        if (picture.GetAttribute("src") is not { Length: > 0 } src || picture.Closest("a") is not null)
        {
            return document.CreateTextNode(words);
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        link.TextContent = words;
        return link;
    }
}
