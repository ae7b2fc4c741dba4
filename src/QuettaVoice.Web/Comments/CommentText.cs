using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace QuettaVoice.Web.Comments;

/// <summary>A reader's plain text as HTML: paragraphs and line breaks kept, web addresses made links, everything else escaped.</summary>
public static partial class CommentText
{
    /// <summary>
    /// Written straight to the page with the page's encoder when the page is written, never built as a string:
    /// building each of a story page's 40 comments as a string took 5 KB of the 107 KB the page allocated.
    /// </summary>
    public static IHtmlContent ToHtml(string text) => new CommentHtml(text);

    public static int CountLinks(string text) => Address().Count(text);

    /// <summary>Every line break as LF, however the browser or an older version of the site wrote it (CRLF, CR).</summary>
    public static string WithLfLineEnds(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    // http(s) only; a trailing full stop, comma or bracket belongs to the sentence, not the address.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    /// <summary>Paragraphs are parted by a blank line and trimmed; the lines within one are parted by <c>&lt;br&gt;</c>.</summary>
    private sealed class CommentHtml(string text) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            // Comments stored before the form kept LF alone may hold CRLF.
            var normalized = WithLfLineEnds(text);
            for (var start = 0; start <= normalized.Length;)
            {
                var end = normalized.IndexOf("\n\n", start, StringComparison.Ordinal);
                end = end < 0 ? normalized.Length : end;
                var (from, to) = Trimmed(normalized, start, end);
                if (from < to)
                {
                    writer.Write("<p>");
                    WriteLines(writer, encoder, normalized, from, to);
                    writer.Write("</p>");
                }

                start = end + 2;
            }
        }

        private static (int From, int To) Trimmed(string text, int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            return (from, to);
        }

        private static void WriteLines(TextWriter writer, HtmlEncoder encoder, string text, int from, int to)
        {
            for (var start = from; ;)
            {
                var newline = text.IndexOf('\n', start, to - start);
                WriteLinked(writer, encoder, text, start, newline < 0 ? to : newline);
                if (newline < 0)
                {
                    return;
                }

                writer.Write("<br>");
                start = newline + 1;
            }
        }

        private static void WriteLinked(TextWriter writer, HtmlEncoder encoder, string text, int from, int to)
        {
            var at = from;
            foreach (var link in Address().EnumerateMatches(text.AsSpan(from, to - from)))
            {
                var index = from + link.Index;
                encoder.Encode(writer, text, at, index - at);
                writer.Write("<a href=\"");
                encoder.Encode(writer, text, index, link.Length);
                writer.Write("\" rel=\"nofollow ugc noopener\">");
                encoder.Encode(writer, text, index, link.Length);
                writer.Write("</a>");
                at = index + link.Length;
            }

            encoder.Encode(writer, text, at, to - at);
        }
    }
}
