namespace QuettaVoice.Web.Comments;

/// <summary>The spam rules on a comment's own words, as a pure function of the text and the settings.</summary>
public static class CommentScreening
{
    public static bool LooksLikeSpam(string body, string name, string? website, CommentOptions options)
    {
        if (CommentText.CountLinks(body) > options.MaxLinks)
        {
            return true;
        }

        var words = $"{body} {name} {website}";
        return options.Blocklist.Exists(blocked => !string.IsNullOrWhiteSpace(blocked) && words.Contains(blocked, StringComparison.OrdinalIgnoreCase));
    }
}
