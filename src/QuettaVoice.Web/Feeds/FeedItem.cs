using System.ServiceModel.Syndication;
using System.Xml;

namespace QuettaVoice.Web.Feeds;

/// <summary>
/// A story as an item of either feed: the full text where each format's readers look for it (Atom's content; in
/// RSS, <c>content:encoded</c> with the credit in <c>dc:creator</c>, where WordPress put them), and the story's
/// picture when it has one. The extensions are written straight to the feed: added as element extensions instead,
/// each text was first serialised into a buffer of its own, and a feed of twenty stories set the collector working
/// for every reader.
/// </summary>
public sealed class FeedItem : SyndicationItem
{
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly string html;
    private readonly string credit;
    private readonly FeedPicture? picture;

    public FeedItem(FeedFormat format, string html, string credit, FeedPicture? picture)
    {
        (this.html, this.credit, this.picture) = (html, credit, picture);
        if (format == FeedFormat.Atom)
        {
            Content = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
        }
    }

    protected override void WriteElementExtensions(XmlWriter writer, string version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        base.WriteElementExtensions(writer, version);
        if (version == SyndicationVersions.Rss20)
        {
            writer.WriteElementString("encoded", ContentNamespace, html);
            writer.WriteElementString("creator", DublinCoreNamespace, credit);
        }

        picture?.WriteTo(writer);
    }
}
