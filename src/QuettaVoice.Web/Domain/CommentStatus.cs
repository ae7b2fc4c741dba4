namespace QuettaVoice.Web.Domain;

public enum CommentStatus
{
    Pending,
    Approved,
    Spam,
    Trash,
}
