using System.Text.RegularExpressions;

namespace QuettaVoice.Web.Import;

/// <summary>
/// A headline for a story saved without one, taken from its first sentence: whole clauses while they fit,
/// never a word cut in half, and no scene-setting opener ("In a historic move, ...") when the news fits without it.
/// </summary>
public static partial class LedeHeadline
{
    public const int MaxLength = 100;

    private const int MaxOpenerLength = 60;
    private const int MinNewsLength = 25;

    private static readonly string[] Openers =
    [
        "in", "on", "at", "after", "amid", "despite", "during", "following", "with", "as", "while", "since",
        "according", "earlier", "later", "meanwhile", "however", "today", "yesterday", "for",
    ];

    private static readonly string[] WeakEndings =
    [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
        "that", "which", "who", "its", "their", "his", "her", "has", "have", "had", "is", "are", "was", "were",
    ];

    public static string From(string lede)
    {
        var sentence = FirstSentence(lede);
        var clauses = ClauseBreak().Split(sentence).Select(c => c.Trim()).Where(c => c.Any(char.IsLetterOrDigit)).ToList();
        if (clauses.Count == 0)
        {
            return CutAtWord(lede.Trim());
        }

        if (clauses.Count > 1 && IsOpener(clauses[0], clauses[1]))
        {
            clauses.RemoveAt(0);
        }

        var headline = clauses[0];
        foreach (var clause in clauses.Skip(1))
        {
            var longer = $"{headline}, {clause}";
            if (longer.Length > MaxLength)
            {
                break;
            }

            headline = longer;
        }

        return Capitalise(CutAtWord(headline));
    }

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        var sentence = end.Success ? text[..end.Index] : text;
        return sentence.Trim().TrimEnd('.', '!', '?', ',', ';', ':', ' ');
    }

    /// <summary>
    /// "In a historic move," sets a scene; "At least 12 people were killed" is the news, and ", police said" is
    /// no headline: an opener is short, starts with a scene-setting word, and the clause after it carries the news.
    /// </summary>
    private static bool IsOpener(string clause, string next)
    {
        var firstWord = clause.Split(' ', 2)[0].ToLowerInvariant();
        return Openers.Contains(firstWord)
            && clause.Length <= MaxOpenerLength
            && next.Length is >= MinNewsLength and <= MaxLength
            && !Attribution().IsMatch(next);
    }

    private static string CutAtWord(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var words = text[..(MaxLength + 1)].Split(' ').ToList();
        words.RemoveAt(words.Count - 1);
        if (words.Count == 0)
        {
            // One compound longer than a headline: break it where its own hyphens do.
            var hyphen = text.LastIndexOf('-', MaxLength - 1);
            return hyphen > 0 ? text[..hyphen] : text[..MaxLength];
        }

        while (words.Count > 1 && WeakEndings.Contains(words[^1].ToLowerInvariant()))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(',', ';', ':', '–', '—', '-', ' ');
    }

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    // A full stop after a lower-case word, not after an initial or a number ("U.S.", "Rs. 5", "3.5").
    [GeneratedRegex(@"(?<=[a-z\)”""’][.!?])\s+(?=[A-Z“""‘(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(said|says|told|added|reported|claimed|confirmed)$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@",\s+|;\s+|\s+[–—]\s+")]
    private static partial Regex ClauseBreak();
}
