using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Text from the index with its matched words between two control characters that no story contains.
/// The index never writes markup, so the only HTML here is what <see cref="ToHtml"/> makes after encoding the text.
/// </summary>
public static partial class MarkedText
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    public static bool HasMatch(string text) => text.Contains(Start, StringComparison.Ordinal);

    /// <summary>The text encoded for HTML, each matched word in a <c>&lt;mark&gt;</c>.</summary>
    public static IHtmlContent ToHtml(string marked, HtmlEncoder encoder)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        foreach (var part in Markers().Split(marked))
        {
            switch (part)
            {
                case [Start] when !open:
                    html.Append("<mark>");
                    open = true;
                    break;
                case [End] when open:
                    html.Append("</mark>");
                    open = false;
                    break;
                case [Start] or [End]:
                    break;
                default:
                    html.Append(encoder.Encode(part));
                    break;
            }
        }

        return new HtmlString(open ? html.Append("</mark>").ToString() : html.ToString());
    }

    /// <summary>
    /// <paramref name="text"/> with each word the reader searched for marked, the words split as the query's are
    /// (letters and digits, so "quettavoice" in "quettavoice.com"): for an engine whose own marking reads the text
    /// into other words than its index does. Whole words, in any case; the last word of a prefix term as a start.
    /// </summary>
    public static string MarkWords(string text, SearchQuery query)
    {
        var terms = query.AllOf.SelectMany(group => group).ToList();
        var whole = terms.SelectMany(t => t.IsPrefix ? t.Words.SkipLast(1) : t.Words).Select(w => w.ToLowerInvariant()).ToHashSet();
        var starts = terms.Where(t => t.IsPrefix).Select(t => t.Words[^1].ToLowerInvariant()).ToList();
        return SearchQuery.Word().Replace(text, word =>
        {
            var lowered = word.Value.ToLowerInvariant();
            return whole.Contains(lowered) || starts.Exists(start => lowered.StartsWith(start, StringComparison.Ordinal))
                ? $"{Start}{word.Value}{End}"
                : word.Value;
        });
    }

    /// <summary>
    /// A snippet of a Markdown body as readers would read it: link targets, emphasis marks and heading
    /// hashes dropped, lines joined.
    /// </summary>
    public static string FromMarkdown(string snippet)
    {
        var text = MarkdownLink().Replace(snippet, "$1");
        text = MarkdownMarks().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// The passage of at most <paramref name="wordCount"/> words that holds the most matched words, centred on them,
    /// with an ellipsis where text was cut: for an index that marks the whole text, the passage SQLite's snippet() picks.
    /// </summary>
    public static string Excerpt(string marked, int wordCount)
    {
        var words = SearchQuery.Word().Matches(marked);
        if (words.Count <= wordCount)
        {
            return marked;
        }

        bool IsMatch(int word) => words[word].Index > 0 && marked[words[word].Index - 1] == Start;
        var best = BestWindow(words.Count, wordCount, IsMatch);
        var matches = Enumerable.Range(best, wordCount).Where(IsMatch).ToList();
        if (matches.Count > 0)
        {
            var spare = wordCount - (matches[^1] - matches[0] + 1);
            best = Math.Clamp(matches[0] - (spare / 2), 0, words.Count - wordCount);
        }

        var last = best + wordCount - 1;
        var from = best == 0 ? 0 : words[best].Index - (IsMatch(best) ? 1 : 0);
        var to = last == words.Count - 1 ? marked.Length : words[last].Index + words[last].Length;
        if (to < marked.Length && marked[to] == End)
        {
            to++;
        }

        return (best == 0 ? "" : "…") + marked[from..to] + (to == marked.Length ? "" : "…");
    }

    /// <summary>The first word of the earliest window of <paramref name="size"/> words holding the most matches.</summary>
    private static int BestWindow(int count, int size, Func<int, bool> isMatch)
    {
        var matches = Enumerable.Range(0, size).Count(isMatch);
        var (best, most) = (0, matches);
        for (var first = 1; first + size <= count; first++)
        {
            matches += (isMatch(first + size - 1) ? 1 : 0) - (isMatch(first - 1) ? 1 : 0);
            if (matches > most)
            {
                (best, most) = (first, matches);
            }
        }

        return best;
    }

    [GeneratedRegex("(\u0002|\u0003)")]
    private static partial Regex Markers();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)?")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(\*{1,3}|_{2,3}|^#{1,6}\s|(?<=\n)#{1,6}\s|^>\s|(?<=\n)>\s|`)")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
