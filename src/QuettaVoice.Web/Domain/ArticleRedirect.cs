namespace QuettaVoice.Web.Domain;

/// <summary>An address a published story used to have; readers who follow it are sent on with a 301.</summary>
public sealed class ArticleRedirect
{
    public const int PathMaxLength = 200;

    public int Id { get; set; }
    public required string OldPath { get; set; }
    public int ArticleId { get; set; }
}
