using System.Diagnostics;
using System.Net;
using System.Xml.Linq;

namespace QuettaVoice.Bench;

/// <summary>
/// A search engine's crawler on a server after its load: the sitemaps, then every story once, a few at a time,
/// asking for Brotli as crawlers do. A spike reads a few hundred pages; a crawl fills every cache the site keeps,
/// so the peak working set after it is the site's memory with its caches full.
/// </summary>
public sealed record Crawl(int Stories, int Failures, double Seconds, ResidentMemory Memory)
{
    public long PeakWorkingSetBytes => Memory.PeakBytes;

    private const int Connections = 4;
    private const string AcceptEncoding = "br, gzip";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static async Task<Crawl> RunAsync(SiteProcess server)
    {
        var stories = new List<string>();
        foreach (var sitemap in await LocationsAsync(server, "/sitemap.xml"))
        {
            if (sitemap.StartsWith("/sitemap-stories-", StringComparison.Ordinal))
            {
                stories.AddRange(await LocationsAsync(server, sitemap));
            }
        }

        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(stories, new ParallelOptions { MaxDegreeOfParallelism = Connections }, async (story, _) =>
        {
            // A page that fails is counted, not thrown: the crawl comes after every round, whose figures it must not lose.
            try
            {
                if (await server.ReadAsync(story, AcceptEncoding) == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref failures);
        });
        return new Crawl(stories.Count, failures, clock.Elapsed.TotalSeconds, server.Memory());
    }

    /// <summary>The paths a sitemap (or sitemap index) lists.</summary>
    private static async Task<IEnumerable<string>> LocationsAsync(SiteProcess server, string path)
    {
        var (status, body) = await server.GetAsync(path);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)status} to the crawler; see bench/.data/logs/");
        }

        return XDocument.Parse(body).Descendants(Sitemap + "loc").Select(loc => new Uri(loc.Value).AbsolutePath).ToList();
    }
}
