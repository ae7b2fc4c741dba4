namespace QuettaVoice.Web.Domain;

/// <summary>What changed between two versions of a text, paragraph by paragraph, in reading order.</summary>
public static class ParagraphDiff
{
    public enum Change
    {
        Same,
        Removed,
        Added,
    }

    public sealed record Line(Change Change, string Text);

    public static IReadOnlyList<Line> Compare(string before, string after)
    {
        var a = Paragraphs(before);
        var b = Paragraphs(after);

        // Longest common subsequence of paragraphs; stories are short enough for the plain table.
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add(new Line(Change.Same, a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // On a tie the old paragraph goes first, so a rewrite reads as "was ... now ...".
                lines.Add(new Line(Change.Removed, a[x++]));
            }
            else
            {
                lines.Add(new Line(Change.Added, b[y++]));
            }
        }

        return lines;
    }

    private static string[] Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
