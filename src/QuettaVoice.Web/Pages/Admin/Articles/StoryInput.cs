using System.ComponentModel.DataAnnotations;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Articles;

/// <summary>What the story form posts: every field an editor types, kept as typed when something is refused.</summary>
public sealed class StoryInput
{
    [Required(ErrorMessage = "Write a headline.")]
    [StringLength(Article.HeadlineMaxLength, ErrorMessage = "Keep the headline under {1} characters.")]
    [NoControlCharacters]
    public string Headline { get; set; } = "";

    [StringLength(Article.StandfirstMaxLength, ErrorMessage = "Keep the standfirst under {1} characters.")]
    [NoControlCharacters]
    public string? Standfirst { get; set; }

    [Required(ErrorMessage = "Write the story.")]
    [StringLength(200_000, ErrorMessage = "The story is longer than {1} characters.")]
    [Display(Name = "Story (Markdown)")]
    [NoControlCharacters]
    public string Body { get; set; } = "";

    [StringLength(Article.BylineMaxLength)]
    [Display(Name = "Byline (if not the author's name)")]
    [NoControlCharacters]
    public string? Byline { get; set; }

    [StringLength(Article.DatelineMaxLength)]
    [Display(Name = "Dateline (e.g. QUETTA)")]
    [NoControlCharacters]
    public string? Dateline { get; set; }

    [Required(ErrorMessage = "Choose an author.")]
    [Display(Name = "Author")]
    public int? AuthorId { get; set; }

    [Display(Name = "Section")]
    public int? SectionId { get; set; }

    [StringLength(500)]
    [Display(Name = "Tags (separated by commas)")]
    [NoControlCharacters]
    public string? Tags { get; set; }

    [StringLength(Domain.Slug.MaxLength)]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens.")]
    [Display(Name = "Address (slug; leave empty to make it from the headline)")]
    public string? Slug { get; set; }

    [Display(Name = "Comments open")]
    public bool CommentsOpen { get; set; } = true;

    /// <summary>Newsroom time, as the browser's date-time field sends it; empty means now.</summary>
    [Display(Name = "Publish at (Quetta time; empty for now)")]
    // A year mistyped as 0202 made a story no address can reach: its year must have four digits, as the address's has.
    [Range(typeof(DateTime), "1900-01-01T00:00:00", "2099-12-31T23:59:59", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Enter a time between 1900 and 2099.")]
    public DateTime? PublishAt { get; set; }

    /// <summary>Editors only: the number in the old site's <c>?p=</c> links, so they arrive at this story.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Use the number from the old link, such as 1234 in ?p=1234.")]
    [Display(Name = "Old site post number")]
    public int? LegacyPostId { get; set; }

    [Display(Name = "Featured image (from the media library)")]
    public int? MediaId { get; set; }

    [StringLength(500)]
    [Display(Name = "Image caption")]
    [NoControlCharacters]
    public string? ImageCaption { get; set; }

    [StringLength(200)]
    [Display(Name = "Image credit")]
    [NoControlCharacters]
    public string? ImageCredit { get; set; }

    [StringLength(MediaItem.AltTextMaxLength)]
    [Display(Name = "Image description for readers who cannot see it (alt text)")]
    [NoControlCharacters]
    public string? ImageAlt { get; set; }

    /// <summary>The version of the story the form was opened on, to notice a save made meanwhile by someone else.</summary>
    public int Version { get; set; }

    public IEnumerable<string> TagNames() =>
        (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
