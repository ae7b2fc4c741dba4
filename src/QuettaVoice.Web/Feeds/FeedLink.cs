namespace QuettaVoice.Web.Feeds;

/// <summary>
/// A page's own feed (a section's, an author's, a tag's), announced in the page head beside the site's feed; the title is the section's, author's or tag's name.
/// A page puts one in ViewData under <see cref="ViewDataKey"/>; the layout writes the links.
/// </summary>
public sealed record FeedLink(string Title, string RssPath)
{
    public const string ViewDataKey = "FeedLink";

    public string AtomPath => RssPath + "/atom";
}
