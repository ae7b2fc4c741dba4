namespace QuettaVoice.Web.Domain;

public sealed class Section
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }

    /// <summary>Order in the masthead and on the front page.</summary>
    public int Position { get; set; }

    /// <summary>Counts saves; two editors saving from the same version find out, instead of one losing the other's changes.</summary>
    public int Version { get; set; }

    public List<Article> Articles { get; set; } = [];
}
