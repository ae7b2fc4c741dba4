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

    /// <summary>Every copy's address, the widest first: sharing sites and search engines want the largest.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    public static ResponsiveImage For(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var widths = item.VariantWidths.Order().ToList();
        var widest = widths[^1];
        var fallback = widths.LastOrDefault(w => w <= FallbackWidth, widths[0]);
        var srcSet = string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{MediaServices.Url(item.FileName(w))} {w}w")));
        return new ResponsiveImage(MediaServices.Url(item.FileName(fallback)), srcSet, widest, item.HeightAt(widest))
        {
            Copies = widths.AsEnumerable().Reverse().Select(w => MediaServices.Url(item.FileName(w))).ToList(),
        };
    }
}
