using System.Globalization;
using System.Xml;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Web.Feeds;

/// <summary>
/// A story's picture as feed readers show it beside the headline: Media RSS's <c>media:content</c>, which readers
/// look for in RSS and Atom alike. The largest copy, with its size; what it shows, for a reader who cannot see it;
/// and whose it is.
/// </summary>
public sealed record FeedPicture(string Url, int? Width, int? Height, string? ContentType, string? Description, string? Credit)
{
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";

    /// <summary>
    /// The picture the story page shows: the library's item (<paramref name="media"/>, null when the story has none
    /// there), else the old site's file, whose size is not known; none when neither.
    /// </summary>
    public static FeedPicture? For(FeaturedImage image, MediaItem? media, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(site);
        var credit = NonEmpty(image.Credit);
        if (media is not null)
        {
            var copies = ResponsiveImage.For(media, site.AbsoluteUrl("/").TrimEnd('/'));
            return new FeedPicture(copies.Copies[0], copies.Width, copies.Height, media.ContentType, NonEmpty(image.AltText) ?? NonEmpty(media.AltText), credit);
        }

        return image.HasFile
            ? new FeedPicture(site.AbsoluteUrl(image.Path!), null, null, null, NonEmpty(image.AltText), credit)
            : null;
    }

    public void WriteTo(XmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartElement("content", MediaNamespace);
        writer.WriteAttributeString("url", Url);
        writer.WriteAttributeString("medium", "image");
        if (ContentType is not null)
        {
            writer.WriteAttributeString("type", ContentType);
        }

        if (Width is { } width && Height is { } height)
        {
            writer.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
        }

        if (Description is not null)
        {
            writer.WriteStartElement("description", MediaNamespace);
            writer.WriteAttributeString("type", "plain");
            writer.WriteString(Description);
            writer.WriteEndElement();
        }

        if (Credit is not null)
        {
            writer.WriteElementString("credit", MediaNamespace, Credit);
        }

        writer.WriteEndElement();
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
