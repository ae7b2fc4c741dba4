namespace QuettaVoice.Web.Search;

/// <summary>
/// A story an index matched: whether every term is in its headline, and how well it matches, higher better,
/// rounded by the index so that stories matching about equally well tie.
/// </summary>
public sealed record ScoredMatch(int Id, bool InHeadline, double Relevance);
