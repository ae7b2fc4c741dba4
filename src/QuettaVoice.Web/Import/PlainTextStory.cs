using System.Text.RegularExpressions;

namespace QuettaVoice.Web.Import;

/// <summary>
/// A story as the old WordPress site's pages were saved to plain text: an optional picture caption,
/// a byline, a dateline, the paragraphs, the theme's furniture, and "About the Author" with a bio.
/// Pure: text in, parts out.
/// </summary>
public sealed partial record PlainTextStory(
    string? ImageCaption,
    string? Byline,
    string? Dateline,
    IReadOnlyList<string> Paragraphs,
    string? AuthorBio)
{
    private const int MaxCaptionLength = 150;

    /// <summary>Lines the old theme printed around every story; never part of it.</summary>
    private static readonly string[] FurnitureLines =
    [
        "leave a reply", "leave a comment", "cancel reply", "share this", "share this:", "like this:", "like this",
        "related", "related posts", "related news", "related stories", "post navigation", "previous post", "next post",
        "tweet", "print", "email", "whatsapp", "facebook", "twitter", "linkedin", "telegram", "like loading...",
        "loading...", "comments", "comment", "spread the love", "recommended for you", "you may also like",
    ];

    private static readonly string[] FurniturePrefixes =
    [
        "your email address will not be published", "required fields are marked", "click to share on",
        "click to email", "click to print", "share on ", "posted in ", "filed under",
    ];

    /// <summary>Words that make "Something:" a credit rather than a place.</summary>
    private static readonly string[] BylineWords =
    [
        "desk", "correspondent", "editorial", "reporter", "report", "staff", "bureau", "agencies", "agency",
        "monitoring", "writer", "editor", "news", "team", "online", "web", "app", "reuters", "afp",
    ];

    public string Lede => Paragraphs[0];

    /// <summary>Parses <paramref name="text"/>; null when it holds no story text.</summary>
    public static PlainTextStory? Parse(string text)
    {
        var blocks = Blocks(Normalize(text));

        string? bio = null;
        var aboutAt = blocks.FindIndex(b => IsAboutTheAuthor(b[0]));
        if (aboutAt >= 0)
        {
            var bioBlocks = blocks.Skip(aboutAt + 1).Select(b => string.Join('\n', b)).ToList();
            if (blocks[aboutAt].Count > 1)
            {
                bioBlocks.Insert(0, string.Join('\n', blocks[aboutAt].Skip(1)));
            }

            bio = bioBlocks.Count > 0 ? string.Join("\n\n", bioBlocks) : null;
            blocks = blocks[..aboutAt];
        }

        string? caption = null;
        if (blocks.Count > 0 && IsCaption(blocks[0]))
        {
            caption = blocks[0][0];
            blocks.RemoveAt(0);
        }

        string? byline = null;
        if (blocks.Count > 0 && blocks[0] is [var only] && StandaloneByline().Match(only) is { Success: true } credit)
        {
            byline = credit.Groups["credit"].Value;
            blocks.RemoveAt(0);
        }

        if (blocks.Count == 0)
        {
            return null;
        }

        var paragraphs = blocks.Select(b => string.Join('\n', b)).ToList();
        var first = paragraphs[0];
        if (byline is null && InlineByline().Match(first) is { Success: true } inline && LooksLikeCredit(inline.Groups["credit"].Value))
        {
            byline = inline.Groups["credit"].Value;
            first = inline.Groups["rest"].Value;
        }

        string? dateline = null;
        if (DatelineStart().Match(first) is { Success: true } place)
        {
            dateline = place.Groups["place"].Value;
            first = place.Groups["rest"].Value;
        }

        paragraphs[0] = first;
        return new PlainTextStory(caption, byline, dateline, paragraphs, bio);
    }

    /// <summary>One spelling for every saved file: no BOM, LF line ends, plain spaces, no trailing blanks.</summary>
    public static string Normalize(string text) =>
        text.TrimStart('\uFEFF')
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u00A0', ' ')
            .Replace('\u202F', ' ')
            .Replace('\u2007', ' ');

    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }

                continue;
            }

            if (!IsFurniture(line))
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }

    private static bool IsFurniture(string line)
    {
        var lower = line.ToLowerInvariant();
        return FurnitureLines.Contains(lower)
            || FurniturePrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal));
    }

    private static bool IsAboutTheAuthor(string line) =>
        line.TrimEnd(':', ' ').Equals("About the Author", StringComparison.OrdinalIgnoreCase);

    private static bool IsCaption(List<string> block) =>
        block is [var line]
        && line.Length <= MaxCaptionLength
        && !line.EndsWith(':')
        && line.IndexOfAny(['.', '!', '?', ';', '“', '"']) < 0;

    private static bool LooksLikeCredit(string credit)
    {
        var words = credit.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return credit.StartsWith("By ", StringComparison.Ordinal) || words.Any(w => BylineWords.Contains(w.Trim('.')));
    }

    [GeneratedRegex(@"^(?<credit>[^.!?:“""]{2,60}?)\s*:$")]
    private static partial Regex StandaloneByline();

    [GeneratedRegex(@"^(?<credit>[A-Z][\w.'’ ]{1,59}?)\s*:\s+(?<rest>\S[\s\S]*)$")]
    private static partial Regex InlineByline();

    /// <summary>A place in capitals, or capitalised, then an en dash, em dash, hyphen or colon: "MOSCOW –", "QUETTA:", "Turbat —".</summary>
    [GeneratedRegex(@"^(?<place>[A-Z][A-Z.’' /-]{0,38}[A-Z.]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*[–—:-]\s+(?<rest>\S[\s\S]*)$")]
    private static partial Regex DatelineStart();
}
