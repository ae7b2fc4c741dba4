using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Feeds;

public static class FeedEndpoints
{
    // WordPress served RSS at /feed and /feed/rss2 as well; readers subscribed to either keep their feed.
    // /feed/ with a slash needs no route of its own: routing ignores a trailing slash.
    private static readonly (string Suffix, FeedFormat Format)[] Addresses =
    [
        ("", FeedFormat.Rss),
        ("/rss2", FeedFormat.Rss),
        ("/atom", FeedFormat.Atom),
    ];

    /// <summary>The site's feeds, and each section's, author's and tag's, in RSS 2.0 and Atom; GET and HEAD.</summary>
    public static IEndpointRouteBuilder MapNewsFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("").CacheOutput(PublicPagePolicy.List);
        foreach (var (suffix, format) in Addresses)
        {
            feeds.MapRead("/feed" + suffix, ([AsParameters] FeedRequest request) => request.SiteAsync(format));
            feeds.MapRead("/category/{slug}/feed" + suffix, (string slug, [AsParameters] FeedRequest request) => request.SectionAsync(slug, format));
            feeds.MapRead("/author/{slug}/feed" + suffix, (string slug, [AsParameters] FeedRequest request) => request.AuthorAsync(slug, format));
            feeds.MapRead("/tag/{slug}/feed" + suffix, (string slug, [AsParameters] FeedRequest request) => request.TagAsync(slug, format));
        }

        return endpoints;
    }
}
