namespace QuettaVoice.Web.Domain;

/// <summary>Where a story is in the newsroom: written, waiting for an editor, due, out, or thrown away.</summary>
public enum ArticleStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Trashed,
}
