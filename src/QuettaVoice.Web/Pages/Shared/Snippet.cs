namespace QuettaVoice.Web.Pages.Shared;

/// <summary>Text cut to a length that others show whole (search results, shared links), never inside a word.</summary>
public static class Snippet
{
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Line breaks and runs of spaces mean nothing in an attribute and would only cost characters.
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxLength)
        {
            return flat;
        }

        // One character is kept for the ellipsis, so the result fits the limit with it.
        var cut = flat.LastIndexOf(' ', maxLength - 1);
        return string.Concat(flat.AsSpan(0, cut > 0 ? cut : maxLength - 1).TrimEnd(",;:–— "), "…");
    }
}
