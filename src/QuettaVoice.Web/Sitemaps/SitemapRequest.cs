using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Web.Sitemaps;

/// <summary>
/// One request for a sitemap or robots.txt, its services bound by the endpoint (<c>[AsParameters]</c> wants them
/// as public properties). Every answer is a fixed number of projected queries, however many stories there are.
/// </summary>
public sealed record SitemapRequest(NewsDb Db, TimeProvider Clock, IOptions<SiteOptions> Site, IOptions<SitemapOptions> Sitemaps, CancellationToken Aborted)
{
    /// <summary>Google News reads only stories of the last two days, and at most this many of them.</summary>
    public const int NewsMaxUrls = 1000;

    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string ContentType = "application/xml; charset=utf-8";

    private DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stories in the order the story sitemaps page them: oldest first, so a new story lands in the last file
    /// and the earlier files, and their lastmod, stay as crawlers last saw them.
    /// </summary>
    private IOrderedQueryable<Article> StoriesInFileOrder =>
        Db.Articles.AsNoTracking().PublishedAt(NowUtc).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id);

    public async Task<IResult> IndexAsync()
    {
        // One narrow column for every visible story (100,000 stories are about a megabyte), cut into files here:
        // SQL could not give each file's latest change without a window function EF Core does not write.
        var changes = await StoriesInFileOrder
            .Select(a => a.UpdatedAt > a.PublishedAt!.Value ? a.UpdatedAt : a.PublishedAt!.Value)
            .ToListAsync(Aborted);
        var files = changes.Chunk(Sitemaps.Value.UrlsPerFile).Select(file => file.Max()).ToList();
        var site = Site.Value;

        return new XmlResult(ContentType, xml =>
        {
            xml.WriteStartElement("sitemapindex", SitemapNamespace);
            WriteEntry(xml, "sitemap", site.AbsoluteUrl(SitemapEndpoints.PagesPath), changes.Count == 0 ? null : files.Max());
            for (var i = 0; i < files.Count; i++)
            {
                WriteEntry(xml, "sitemap", site.AbsoluteUrl(SitemapEndpoints.StoriesPath(i + 1)), files[i]);
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>The front page and every section, author and tag with a story a reader can see.</summary>
    public async Task<IResult> PagesAsync()
    {
        var visible = Db.Articles.AsNoTracking().PublishedAt(NowUtc);
        var sections = await visible
            .Where(a => a.SectionId != null)
            .GroupBy(a => a.Section!.Slug)
            .Select(g => new Listing(g.Key, g.Max(a => a.UpdatedAt), g.Max(a => a.PublishedAt!.Value)))
            .ToListAsync(Aborted);
        var authors = await visible
            .GroupBy(a => a.Author.Slug)
            .Select(g => new Listing(g.Key, g.Max(a => a.UpdatedAt), g.Max(a => a.PublishedAt!.Value)))
            .ToListAsync(Aborted);
        var tags = await visible
            .SelectMany(a => a.Tags, (a, t) => new { t.Slug, a.UpdatedAt, PublishedAt = a.PublishedAt!.Value })
            .GroupBy(x => x.Slug)
            .Select(g => new Listing(g.Key, g.Max(x => x.UpdatedAt), g.Max(x => x.PublishedAt)))
            .ToListAsync(Aborted);
        var site = Site.Value;

        return new XmlResult(ContentType, xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            // Every story has an author, so the authors' latest change is the front page's.
            WriteEntry(xml, "url", site.AbsoluteUrl("/"), authors.Count == 0 ? null : authors.Max(a => a.LastChangedAt));
            foreach (var (prefix, listings) in new[] { ("/category/", sections), ("/author/", authors), ("/tag/", tags) })
            {
                foreach (var listing in listings.OrderBy(l => l.Slug, StringComparer.Ordinal))
                {
                    WriteEntry(xml, "url", site.AbsoluteUrl(prefix + listing.Slug), listing.LastChangedAt);
                }
            }

            xml.WriteEndElement();
        });
    }

    public async Task<IResult> StoriesAsync(int number)
    {
        var perFile = Sitemaps.Value.UrlsPerFile;
        if (number < 1 || number > int.MaxValue / perFile)
        {
            return Results.NotFound();
        }

        var stories = await StoriesInFileOrder
            .Skip((number - 1) * perFile)
            .Take(perFile)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .ToListAsync(Aborted);
        if (stories.Count == 0)
        {
            return Results.NotFound();
        }

        var site = Site.Value;
        var zone = site.FindTimeZone();
        return new XmlResult(ContentType, xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            foreach (var story in stories)
            {
                var lastChanged = story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt;
                WriteEntry(xml, "url", site.AbsoluteUrl(Permalink.For(story.Slug, story.PublishedAt, zone)), lastChanged);
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Google News's sitemap: the stories of the last two days, newest first.</summary>
    public async Task<IResult> NewsAsync()
    {
        var since = NowUtc - NewsWindow;
        var stories = await Db.Articles.AsNoTracking()
            .PublishedAt(NowUtc)
            .Where(a => a.PublishedAt >= since)
            .Latest()
            .Take(NewsMaxUrls)
            .Select(a => new { a.Slug, a.Headline, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(Aborted);
        var site = Site.Value;
        var zone = site.FindTimeZone();

        return new XmlResult(ContentType, xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var story in stories)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, site.AbsoluteUrl(Permalink.For(story.Slug, story.PublishedAt, zone)));
                xml.WriteStartElement("news", NewsNamespace);
                xml.WriteStartElement("publication", NewsNamespace);
                xml.WriteElementString("name", NewsNamespace, site.Name);
                xml.WriteElementString("language", NewsNamespace, "en");
                xml.WriteEndElement();
                xml.WriteElementString("publication_date", NewsNamespace, W3CDateTime(story.PublishedAt));
                xml.WriteElementString("title", NewsNamespace, story.Headline);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Crawlers may read the whole public site; the newsroom and sign-in pages are no business of theirs.</summary>
    public IResult Robots()
    {
        var site = Site.Value;
        var robots = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /admin\n")
            .Append("Disallow: /account\n")
            .Append('\n')
            .Append("Sitemap: ").Append(site.AbsoluteUrl(SitemapEndpoints.IndexPath)).Append('\n')
            .Append("Sitemap: ").Append(site.AbsoluteUrl(SitemapEndpoints.NewsPath)).Append('\n');
        return Results.Text(robots.ToString(), "text/plain", Encoding.UTF8);
    }

    private static void WriteEntry(XmlWriter xml, string element, string location, DateTime? lastChangedUtc)
    {
        xml.WriteStartElement(element, SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, location);
        if (lastChangedUtc is { } lastChanged)
        {
            xml.WriteElementString("lastmod", SitemapNamespace, W3CDateTime(lastChanged));
        }

        xml.WriteEndElement();
    }

    private static string W3CDateTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A section, author or tag page, and the latest change among its stories.</summary>
    private sealed record Listing(string Slug, DateTime UpdatedAt, DateTime PublishedAt)
    {
        public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
    }
}
