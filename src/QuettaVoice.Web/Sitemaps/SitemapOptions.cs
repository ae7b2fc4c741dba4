namespace QuettaVoice.Web.Sitemaps;

public sealed class SitemapOptions
{
    public const string SectionName = "Sitemaps";

    /// <summary>The protocol's limit for one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>Stories per story sitemap; lower only to see the paging with a few stories.</summary>
    public int UrlsPerFile { get; set; } = MaxUrlsPerFile;

    public bool IsValid() => UrlsPerFile is >= 1 and <= MaxUrlsPerFile;
}
