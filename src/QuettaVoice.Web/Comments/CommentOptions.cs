namespace QuettaVoice.Web.Comments;

/// <summary>The "Comments" settings: how hard the site is on spam and floods.</summary>
public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    /// <summary>A form sent back faster than this after it was served was filled by a machine, not typed.</summary>
    public int MinFillSeconds { get; set; } = 3;

    /// <summary>More links than this in one comment holds it as spam.</summary>
    public int MaxLinks { get; set; } = 2;

    /// <summary>Words that hold a comment as spam wherever they appear (case does not matter).</summary>
    public List<string> Blocklist { get; set; } = ["viagra", "casino", "crypto giveaway", "loan offer"];

    /// <summary>As WordPress offers: approve at once a commenter whose earlier comment was approved. Off by default.</summary>
    public bool ApproveReturningCommenters { get; set; }

    /// <summary>Comments one client address may post a minute and an hour (per instance of the site).</summary>
    public int PerMinute { get; set; } = 5;
    public int PerHour { get; set; } = 30;
}
