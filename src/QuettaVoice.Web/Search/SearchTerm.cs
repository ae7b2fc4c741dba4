namespace QuettaVoice.Web.Search;

/// <summary>One thing a reader looks for: a word, a "quoted phrase" (several words in order), or a prefix ("educat*").</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPrefix = false)
{
    public bool IsPhrase => Words.Count > 1;
}
