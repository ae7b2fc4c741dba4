using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QuettaVoice.Web.Domain;

/// <summary>URL slugs in the WordPress style: lower-case ASCII words joined by hyphens.</summary>
public static partial class Slug
{
    public const int MaxLength = 80;

    public static string From(string text, string fallback = "story")
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return slug.Length == 0 ? fallback : Shorten(slug.ToString());
    }

    /// <summary>
    /// The address of a named thing (a tag, a section, an author): <see cref="From"/>'s ASCII words, or, for a name
    /// with none (written in Urdu, say), its own letters and digits, lower-cased and joined by hyphens. Given
    /// <see cref="From"/>'s fallback instead, every such name had the same address, so two Urdu tags were one tag.
    /// </summary>
    public static string ForName(string name, string fallback)
    {
        var ascii = From(name, fallback: "");
        if (ascii.Length > 0)
        {
            return ascii;
        }

        var words = NotALetter().Split(name.Normalize(NormalizationForm.FormC))
            .Where(word => word.Length > 0)
            .Select(word => word.ToLowerInvariant());
        var slug = string.Join('-', words);
        return slug.Length == 0 ? fallback : Shorten(slug);
    }

    /// <summary>The slug itself, or the slug with -2, -3... when <paramref name="isTaken"/> says so.</summary>
    public static string Unique(string slug, Func<string, bool> isTaken)
    {
        var candidate = slug;
        for (var n = 2; isTaken(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}]+")]
    private static partial Regex NotALetter();
}
