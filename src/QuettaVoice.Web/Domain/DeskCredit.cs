namespace QuettaVoice.Web.Domain;

/// <summary>
/// Credits that name a desk, an agency or the staff rather than a person: "Monitoring Desk", "Our Correspondent",
/// "AFP". The import recognises bylines by these words and search engines are told such a credit is an
/// organisation, so both read a credit the same way.
/// </summary>
public static class DeskCredit
{
    private static readonly string[] Words =
    [
        "desk", "correspondent", "editorial", "reporter", "report", "staff", "bureau", "agencies", "agency",
        "monitoring", "writer", "editor", "news", "team", "online", "web", "app", "reuters", "afp",
    ];

    public static bool IsDesk(string credit) =>
        credit.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Words.Contains(w.Trim('.')));

    /// <summary>
    /// Whether the author's page is the credit's: the author, the paper itself, or a desk (whose work the author's
    /// account files). A byline naming another person is not: the site has no page for them.
    /// </summary>
    public static bool IsAuthorsPage(string credit, string authorName, string siteName) =>
        credit == authorName || credit == siteName || IsDesk(credit);
}
