namespace QuettaVoice.Web.Domain;

public sealed class Tag
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    public List<Article> Articles { get; set; } = [];
}
