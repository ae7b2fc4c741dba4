using System.ServiceModel.Syndication;
using System.Xml;

namespace QuettaVoice.Web.Feeds;

/// <summary>
/// An RSS item that carries the full text and the credit where WordPress put them (<c>content:encoded</c>,
/// <c>dc:creator</c>), written straight to the feed. Added as element extensions instead, each text was first
/// serialised into a buffer of its own, and a feed of twenty stories set the collector working for every reader.
/// </summary>
public sealed class RssItem(string html, string credit) : SyndicationItem
{
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    protected override void WriteElementExtensions(XmlWriter writer, string version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        base.WriteElementExtensions(writer, version);
        writer.WriteElementString("encoded", ContentNamespace, html);
        writer.WriteElementString("creator", DublinCoreNamespace, credit);
    }
}
