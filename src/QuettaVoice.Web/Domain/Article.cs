namespace QuettaVoice.Web.Domain;

public sealed class Article
{
    public const int HeadlineMaxLength = 200;
    public const int StandfirstMaxLength = 500;
    public const int DatelineMaxLength = 80;
    public const int BylineMaxLength = 100;

    public int Id { get; set; }
    public required string Headline { get; set; }
    public required string Slug { get; set; }
    public string? Standfirst { get; set; }

    /// <summary>The story text in Markdown; rendered only through <c>Rendering/StoryRenderer</c>.</summary>
    public required string Body { get; set; }

    /// <summary>The place the story was filed from, shown before the first paragraph ("MOSCOW").</summary>
    public string? Dateline { get; set; }

    /// <summary>The credit printed on the story when it is not the author's name ("Monitoring Desk").</summary>
    public string? Byline { get; set; }

    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int? SectionId { get; set; }
    public Section? Section { get; set; }
    public List<Tag> Tags { get; set; } = [];

    public FeaturedImage FeaturedImage { get; set; } = new();

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>UTC. For a scheduled story, the moment it goes live.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool CommentsOpen { get; set; } = true;

    /// <summary>A fingerprint of the imported text, so importing the same file twice adds nothing.</summary>
    public string? ImportKey { get; set; }

    /// <summary>The WordPress post number, so old <c>?p=</c> links still arrive.</summary>
    public int? LegacyPostId { get; set; }

    /// <summary>The newsroom account that wrote the story: a Writer may edit only their own drafts.</summary>
    public string? CreatedById { get; set; }

    /// <summary>Counts saves; two editors saving from the same version find out, instead of one losing the other's words.</summary>
    public int Version { get; set; }

    public List<ArticleRevision> Revisions { get; set; } = [];

    /// <summary>The state it had before it was trashed, so a restore puts it back where it was.</summary>
    public ArticleStatus? StatusBeforeTrash { get; set; }

    /// <summary>A Writer may change a story only while it is their own and not yet in an editor's hands.</summary>
    public bool IsEditableByWriter(string userId) =>
        CreatedById == userId && Status is ArticleStatus.Draft or ArticleStatus.InReview;

    public void SubmitForReview()
    {
        if (Status == ArticleStatus.Draft)
        {
            Status = ArticleStatus.InReview;
        }
    }

    /// <summary>Puts the story out at <paramref name="publishedAtUtc"/>: at once, or scheduled when that is still to come.</summary>
    public void Publish(DateTime publishedAtUtc, DateTime nowUtc)
    {
        PublishedAt = publishedAtUtc;
        Status = publishedAtUtc > nowUtc ? ArticleStatus.Scheduled : ArticleStatus.Published;
        StatusBeforeTrash = null; // published from the trash, it has left it
    }

    /// <summary>Back to a draft; the publication time is kept so a republish keeps the story's address.</summary>
    public void Unpublish() => Status = ArticleStatus.Draft;

    public void Trash()
    {
        if (Status != ArticleStatus.Trashed)
        {
            StatusBeforeTrash = Status;
            Status = ArticleStatus.Trashed;
        }
    }

    /// <summary>Back to what it was before the bin; a scheduled story whose time came meanwhile comes back published.</summary>
    public void Restore(DateTime nowUtc)
    {
        if (Status == ArticleStatus.Trashed)
        {
            Status = Visibility.StatusAt(StatusBeforeTrash ?? ArticleStatus.Draft, PublishedAt, nowUtc);
            StatusBeforeTrash = null;
        }
    }
}
