namespace QuettaVoice.Web.Accounts;

/// <summary>The newsroom's roles, named in one place.</summary>
public static class Roles
{
    /// <summary>Everything, users included.</summary>
    public const string Admin = "Admin";

    /// <summary>Every story, authors, sections, tags and media; publishes.</summary>
    public const string Editor = "Editor";

    /// <summary>Writes and edits their own drafts and submits them for review; cannot publish.</summary>
    public const string Writer = "Writer";

    /// <summary>Readers' comments only.</summary>
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Writer, Moderator];
}
