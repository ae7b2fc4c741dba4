using System.Globalization;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Media;

/// <summary>
/// What an <c>img</c> needs to let the browser pick the copy that fits: a fallback, every copy with its
/// width, and the widest copy's size so the page keeps its place before the picture arrives.
/// </summary>
public sealed record ResponsiveImage(string Src, string SrcSet, int Width, int Height)
{
    /// <summary>Browsers without srcset get a copy that looks right on most screens without being the heaviest.</summary>
    private const int FallbackWidth = 960;

    /// <summary>How wide a story's pictures are shown: the text's column from 45rem up, the whole width below.</summary>
    public const string StoryColumnSizes = "(min-width: 45rem) 65ch, 100vw";

    /// <summary>Every copy's address, the widest first: sharing sites and search engines want the largest.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <param name="item">The library's picture.</param>
    /// <param name="origin">Put before each address (<c>https://host</c>) where the page is read away from the site, as in a feed.</param>
    public static ResponsiveImage For(MediaItem item, string origin = "")
    {
        ArgumentNullException.ThrowIfNull(item);
        var widths = item.VariantWidths.Order().ToList();
        var widest = widths[^1];
        var fallback = widths.LastOrDefault(w => w <= FallbackWidth, widths[0]);
        string Url(int width) => origin + MediaServices.Url(item.FileName(width));
        var srcSet = string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Url(w)} {w}w")));
        return new ResponsiveImage(Url(fallback), srcSet, widest, item.HeightAt(widest))
        {
            Copies = widths.AsEnumerable().Reverse().Select(Url).ToList(),
        };
    }
}
