namespace QuettaVoice.Web.Domain;

/// <summary>
/// An address a tag's or an author's page used to have: a tag merged into another, an author whose slug changed.
/// Readers and feed readers who follow it, or an address under it (its pages, its feeds), are sent on with a 301.
/// </summary>
public sealed class PageRedirect
{
    public int Id { get; set; }

    /// <summary>The page's old address, as the site wrote it (<c>/tag/finance</c>), unescaped.</summary>
    public required string OldPath { get; set; }

    /// <summary>Where it lives now.</summary>
    public required string NewPath { get; set; }
}
