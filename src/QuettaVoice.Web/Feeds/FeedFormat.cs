namespace QuettaVoice.Web.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
}
