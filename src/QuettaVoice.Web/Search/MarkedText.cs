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
    /// A snippet of a Markdown body as readers would read it: link targets, emphasis marks and heading
    /// hashes dropped, lines joined.
    /// </summary>
    public static string FromMarkdown(string snippet)
    {
        var text = MarkdownLink().Replace(snippet, "$1");
        text = MarkdownMarks().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
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
