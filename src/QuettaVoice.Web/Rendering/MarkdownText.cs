using System.Text;
using System.Text.RegularExpressions;

namespace QuettaVoice.Web.Rendering;

/// <summary>Turns plain text into Markdown that renders back to exactly that text.</summary>
public static partial class MarkdownText
{
    // Characters that mean something to the pipeline in StoryRenderer wherever they stand.
    private const string AlwaysEscaped = "\\`*_[]<>|";

    public static string Escape(string plainText)
    {
        var lines = plainText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = EscapeLine(lines[i].Trim());
        }

        return string.Join('\n', lines);
    }

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (AlwaysEscaped.Contains(c) || (c == '&' && EntityStart().IsMatch(line.AsSpan(i))))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var text = escaped.ToString();
        // A line that would open a heading, list, quote or rule is disarmed at its first mark.
        if (BlockStart().Match(text) is { Success: true } start)
        {
            var markAt = start.Groups["mark"].Index;
            text = text.Insert(markAt, "\\");
        }

        return text;
    }

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex EntityStart();

    [GeneratedRegex(@"^(?:(?<mark>[#+=~-])|[0-9]{1,9}(?<mark>[.)])(?=\s|$))")]
    private static partial Regex BlockStart();
}
