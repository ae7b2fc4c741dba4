using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Sitemaps;

public static class SitemapEndpoints
{
    public const string IndexPath = "/sitemap.xml";
    public const string PagesPath = "/sitemap-pages.xml";
    public const string NewsPath = "/sitemap-news.xml";

    public static string StoriesPath(int number) => $"/sitemap-stories-{number}.xml";

    /// <summary>The sitemap index and its files, the news sitemap, and robots.txt pointing at both; GET only.</summary>
    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder endpoints)
    {
        var sitemaps = endpoints.MapGroup("").CacheOutput(PublicPagePolicy.List);
        sitemaps.MapRead(IndexPath, ([AsParameters] SitemapRequest request) => request.IndexAsync());
        sitemaps.MapRead(PagesPath, ([AsParameters] SitemapRequest request) => request.PagesAsync());
        sitemaps.MapRead("/sitemap-stories-{number:int}.xml", (int number, [AsParameters] SitemapRequest request) => request.StoriesAsync(number));
        sitemaps.MapRead(NewsPath, ([AsParameters] SitemapRequest request) => request.NewsAsync());
        sitemaps.MapRead("/robots.txt", ([AsParameters] SitemapRequest request) => request.Robots());
        return endpoints;
    }
}
