namespace QuettaVoice.Web.Caching;

public sealed class PageCacheOptions
{
    public const string SectionName = "OutputCache";

    /// <summary>Off only to measure or debug the pages as they render; the site is built to run with it on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a page stays cached. Every change in the store evicts the pages it touches at once, so this
    /// only bounds what nobody told the cache about, such as a story imported by the command line.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most the pages kept in this instance's memory may take, in megabytes (a shared store such as Redis has its
    /// own limit). A spike reads a few hundred pages; a crawler reads every story once, and the default's 100 MB
    /// filled with pages nobody asked for again, most of the site's memory on a small server.
    /// </summary>
    public int MemoryMegabytes { get; set; } = 32;
}
