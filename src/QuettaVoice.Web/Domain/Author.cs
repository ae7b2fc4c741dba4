namespace QuettaVoice.Web.Domain;

public sealed class Author
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Markdown, rendered through the same pipeline as story bodies.</summary>
    public string? Bio { get; set; }
    public string? PhotoPath { get; set; }

    /// <summary>The newsroom account that writes as this author, if any.</summary>
    public string? UserId { get; set; }

    /// <summary>Counts saves; two editors saving from the same version find out, instead of one losing the other's changes.</summary>
    public int Version { get; set; }

    public List<Article> Articles { get; set; } = [];
}
