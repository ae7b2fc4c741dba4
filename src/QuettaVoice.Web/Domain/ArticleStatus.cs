namespace QuettaVoice.Web.Domain;

public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
}
