using System.Text;
using System.Text.RegularExpressions;

namespace QuettaVoice.Web.Search;

/// <summary>
/// What a reader typed, read as a search engine reads it and reduced to words: every term must match
/// (or one of a group joined by OR), "quoted phrases" match in order, a trailing * matches a prefix, and a
/// leading - leaves stories out. Nothing typed reaches an index's own query language, so no query can break one.
/// </summary>
public sealed partial class SearchQuery
{
    /// <summary>Longer input is cut here: no headline needs more, and the index does a bounded amount of work.</summary>
    public const int MaxLength = 200;
    public const int MaxTerms = 12;

    private SearchQuery(string text, IReadOnlyList<IReadOnlyList<SearchTerm>> allOf, IReadOnlyList<SearchTerm> noneOf)
    {
        Text = text;
        AllOf = allOf;
        NoneOf = noneOf;
    }

    /// <summary>The query as the reader typed it, trimmed and cut to <see cref="MaxLength"/>: for the search box and the heading.</summary>
    public string Text { get; }

    /// <summary>Each group must match; within a group, any one term will do.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> AllOf { get; }

    /// <summary>Terms a matching story must not contain.</summary>
    public IReadOnlyList<SearchTerm> NoneOf { get; }

    /// <summary>True when nothing searchable was typed (empty, only punctuation, or only exclusions).</summary>
    public bool IsEmpty => AllOf.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var text = Clean(input);
        var allOf = new List<List<SearchTerm>>();
        var noneOf = new List<SearchTerm>();
        var joinNext = false;
        foreach (Match token in Token().Matches(text))
        {
            if (allOf.Count + noneOf.Count >= MaxTerms)
            {
                break;
            }

            var isPhrase = token.Groups["phrase"].Success;
            var raw = isPhrase ? token.Groups["phrase"].Value : token.Groups["word"].Value;
            if (!isPhrase && raw == "OR")
            {
                joinNext = allOf.Count > 0;
                continue;
            }

            var excluded = !isPhrase && raw.StartsWith('-');
            var isPrefix = !isPhrase && raw.EndsWith('*');
            var words = Word().Matches(raw).Select(w => w.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var term = new SearchTerm(words, isPrefix);
            if (excluded)
            {
                noneOf.Add(term);
            }
            else if (joinNext)
            {
                allOf[^1].Add(term);
            }
            else
            {
                allOf.Add([term]);
            }

            joinNext = false;
        }

        return new SearchQuery(text, allOf, noneOf);
    }

    /// <summary>Trimmed, one line, no control characters, at most <see cref="MaxLength"/> characters.</summary>
    private static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(input.Length, MaxLength));
        foreach (var c in input)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
            if (builder.Length == MaxLength)
            {
                break;
            }
        }

        // A cut between the halves of a surrogate pair would leave an invalid character behind.
        if (builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
        {
            builder.Length--;
        }

        return builder.ToString().Trim();
    }

    /// <summary>A quoted phrase (an unclosed quote runs to the end) or a run of anything else up to a space or quote.</summary>
    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex Token();

    /// <summary>Letters (any script, with their marks) and digits: what the indexes keep as words.</summary>
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    internal static partial Regex Word();
}
