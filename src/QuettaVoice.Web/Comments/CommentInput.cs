using System.ComponentModel.DataAnnotations;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Comments;

/// <summary>What the comment form posts, labelled as the old site labelled it, kept as typed when refused.</summary>
public sealed class CommentInput
{
    [Required(ErrorMessage = "Write your comment.")]
    [StringLength(Comment.BodyMaxLength, ErrorMessage = "Keep your comment under {1} characters.")]
    [NoControlCharacters(ErrorMessage = "Your comment has invisible control characters that cannot be shown: type it again without them.")]
    [Display(Name = "Comment *")]
    public string Body
    {
        get;
        // Browsers send line breaks as CRLF but count each as one character against the textarea's maxlength: kept
        // as LF, a comment the browser allowed is measured, and stored, as long as the reader saw it.
        set => field = value is null ? null! : CommentText.WithLfLineEnds(value);
    } = "";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(Comment.NameMaxLength, ErrorMessage = "Keep your name under {1} characters.")]
    [NoControlCharacters(ErrorMessage = "Your name has invisible control characters that cannot be shown: type it again without them.")]
    [Display(Name = "Name *")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address. It will not be published.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, such as name@example.com.")]
    [StringLength(Comment.EmailMaxLength, ErrorMessage = "Keep your email address under {1} characters.")]
    [NoControlCharacters(ErrorMessage = "Your email address has invisible control characters that cannot be shown: type it again without them.")]
    [Display(Name = "Email *")]
    public string Email { get; set; } = "";

    [StringLength(Comment.WebsiteMaxLength, ErrorMessage = "Keep the website address under {1} characters.")]
    [RegularExpression(@"^https?://[^\s]+$", ErrorMessage = "Enter a website address starting with http:// or https://.")]
    [NoControlCharacters(ErrorMessage = "The website address has invisible control characters that cannot be shown: type it again without them.")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    /// <summary>The comment this one answers, if any.</summary>
    public int? ParentId { get; set; }

    /// <summary>Invisible to people; a bot that fills every field fills this one too.</summary>
    public string? Homepage { get; set; }

    /// <summary>When the form was served, sealed by <see cref="FormClock"/>.</summary>
    public string? Served { get; set; }
}
