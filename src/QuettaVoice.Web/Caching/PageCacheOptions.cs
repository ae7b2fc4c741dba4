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
}
