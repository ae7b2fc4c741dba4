namespace QuettaVoice.Web.Search;

/// <summary>
/// A matching story. <see cref="Headline"/> and <see cref="Snippet"/> carry the matched words between
/// <see cref="MarkedText.Start"/> and <see cref="MarkedText.End"/>; <see cref="MarkedText"/> turns them into HTML.
/// </summary>
public sealed record SearchHit(
    string Headline,
    string Slug,
    DateTime PublishedAt,
    string? SectionName,
    string? SectionSlug,
    string Credit,
    string Snippet);
