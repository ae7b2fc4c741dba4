using System.Text.RegularExpressions;
using QuettaVoice.Web.Domain;

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
        "share this", "share this:", "like this:", "like this", "tweet", "print", "email", "whatsapp", "facebook",
        "twitter", "linkedin", "telegram", "pinterest", "reddit", "like loading...", "loading...", "spread the love",
        "comment *", "name *", "email *", "website", "post comment", "cancel reply", "Δ",
        "your email address will not be published. required fields are marked *",
        "save my name, email, and website in this browser for the next time i comment.",
    ];

    /// <summary>Share-button captions; only ever a short line that is not a sentence.</summary>
    private static readonly string[] FurniturePrefixes = ["click to share on", "click to email", "click to print", "share on "];

    /// <summary>
    /// Headings the theme printed after the story (the comment form, related posts, links to the next post):
    /// what follows them is theirs, up to "About the Author".
    /// </summary>
    private static readonly string[] TailHeadings =
    [
        "leave a reply", "leave a reply cancel reply", "leave a comment", "related", "related posts", "related news",
        "related stories", "you may also like", "recommended for you", "post navigation", "more stories",
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
            var bioBlocks = blocks.Skip(aboutAt + 1).Where(b => !IsAboutTheAuthor(b[0])).Select(b => string.Join('\n', b)).ToList();
            bio = bioBlocks.Count > 0 ? string.Join("\n\n", bioBlocks) : null;
            blocks = blocks[..aboutAt];
        }

        string? caption = null;
        if (blocks.Count > 0 && (IsCaption(blocks[0]) || (blocks.Count > 1 && blocks[0] is [var line] && line.Length <= MaxCaptionLength && IsStandaloneByline(blocks[1]))))
        {
            caption = blocks[0][0];
            blocks.RemoveAt(0);
        }

        string? byline = null;
        if (blocks.Count > 0 && IsStandaloneByline(blocks[0]))
        {
            byline = StandaloneByline().Match(blocks[0][0]).Groups["credit"].Value;
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
    public static string Normalize(string text)
    {
        var lines = text.TrimStart('\uFEFF')
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u00A0', ' ')
            .Replace('\u202F', ' ')
            .Replace('\u2007', ' ')
            .Split('\n')
            .Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        var inTail = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || IsAboutTheAuthor(line) || IsTailHeading(line))
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }
            }

            if (IsAboutTheAuthor(line))
            {
                blocks.Add([line]);
                inTail = false;
            }
            else if (IsTailHeading(line) && blocks.Count > 0)
            {
                inTail = true;
            }
            else if (line.Length > 0 && !inTail && !IsFurniture(line) && !IsTailHeading(line))
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
            || (line.Length <= MaxCaptionLength && !line.EndsWith('.') && FurniturePrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal)));
    }

    private static bool IsTailHeading(string line) => TailHeadings.Contains(line.TrimEnd(':', ' ').ToLowerInvariant());

    private static bool IsAboutTheAuthor(string line) =>
        line.TrimEnd(':', ' ').Equals("About the Author", StringComparison.OrdinalIgnoreCase);

    private static bool IsCaption(List<string> block) =>
        block is [var line]
        && line.Length <= MaxCaptionLength
        && !line.EndsWith(':')
        && line.IndexOfAny(['.', '!', '?', ';', '“', '"']) < 0;

    private static bool IsStandaloneByline(List<string> block) => block is [var only] && StandaloneByline().IsMatch(only);

    /// <summary>What makes "Something:" a credit rather than a place.</summary>
    private static bool LooksLikeCredit(string credit) =>
        credit.StartsWith("By ", StringComparison.Ordinal) || DeskCredit.IsDesk(credit);

    [GeneratedRegex(@"^(?<credit>[^.!?:“""]{2,60}?)\s*:$")]
    private static partial Regex StandaloneByline();

    [GeneratedRegex(@"^(?<credit>[A-Z][\w.'’ ]{1,59}?)\s*:\s+(?<rest>\S[\s\S]*)$")]
    private static partial Regex InlineByline();

    /// <summary>
    /// A place in capitals, or capitalised, then an en dash, em dash, hyphen or colon: "MOSCOW –", "QUETTA:", "Turbat — Teachers".
    /// A capitalised place must be followed by a new sentence, so "Balochistan — the largest province — has" keeps its subject.
    /// </summary>
    [GeneratedRegex(@"^(?:(?<place>[A-Z][A-Z.’' /-]{0,38}[A-Z.])\s*[–—:-]\s+(?<rest>\S[\s\S]*)|(?<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*[–—:-]\s+(?<rest>[A-Z“""‘][\s\S]*))$")]
    private static partial Regex DatelineStart();
}
