namespace QuettaVoice.Web.Domain;

/// <summary>
/// A reader's comment on a story. The email is for moderators alone: no public view record has a field
/// for it, and the IP address is kept only as a keyed hash.
/// </summary>
public sealed class Comment
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int WebsiteMaxLength = 200;
    public const int BodyMaxLength = 5000;

    /// <summary>A reply to a reply to a comment is as deep as a conversation goes here.</summary>
    public const int MaxDepth = 3;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int? ParentId { get; set; }
    public int Depth { get; set; } = 1;

    public required string AuthorName { get; set; }
    public required string AuthorEmail { get; set; }
    public string? AuthorWebsite { get; set; }
    public required string Body { get; set; }

    public CommentStatus Status { get; set; } = CommentStatus.Pending;

    /// <summary>The status before the last moderation, so a moderator's slip can be undone.</summary>
    public CommentStatus? PreviousStatus { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedById { get; set; }
    public string? IpHash { get; set; }

    public void Moderate(CommentStatus status, string? moderatorId, DateTime nowUtc)
    {
        if (status == Status)
        {
            return;
        }

        PreviousStatus = Status;
        Status = status;
        ModeratedAt = nowUtc;
        ModeratedById = moderatorId;
    }

    public bool Undo(string? moderatorId, DateTime nowUtc)
    {
        if (PreviousStatus is not { } previous)
        {
            return false;
        }

        Status = previous;
        PreviousStatus = null;
        ModeratedAt = nowUtc;
        ModeratedById = moderatorId;
        return true;
    }
}
