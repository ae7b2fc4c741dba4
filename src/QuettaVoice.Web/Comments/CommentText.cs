using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace QuettaVoice.Web.Comments;

/// <summary>A reader's plain text as HTML: paragraphs and line breaks kept, web addresses made links, everything else escaped.</summary>
public static partial class CommentText
{
    public static HtmlString ToHtml(string text)
    {
        var html = new StringBuilder();
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLinked(html, lines[i]);
            }

            html.Append("</p>");
        }

        return new HtmlString(html.ToString());
    }

    public static int CountLinks(string text) => Address().Count(text);

    private static void AppendLinked(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in Address().Matches(line))
        {
            html.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var address = WebUtility.HtmlEncode(link.Value);
            html.Append("<a href=\"").Append(address).Append("\" rel=\"nofollow ugc noopener\">").Append(address).Append("</a>");
            at = link.Index + link.Length;
        }

        html.Append(WebUtility.HtmlEncode(line[at..]));
    }

    // http(s) only; a trailing full stop, comma or bracket belongs to the sentence, not the address.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
