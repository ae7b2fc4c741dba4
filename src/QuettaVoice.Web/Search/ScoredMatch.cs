namespace QuettaVoice.Web.Search;

/// <summary>
/// A story an index matched: whether every term is in its headline, how well it matches, higher better, rounded by
/// the index so that stories matching about equally well tie, and its time, which puts the newest first among them.
/// </summary>
public sealed record ScoredMatch(int Id, bool InHeadline, double Relevance, DateTime? PublishedAt);
