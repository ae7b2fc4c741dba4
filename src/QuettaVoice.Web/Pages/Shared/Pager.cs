namespace QuettaVoice.Web.Pages.Shared;

/// <summary>
/// Where a paged list stands, and the addresses of its neighbours in the old site's style;
/// <paramref name="QueryString"/> (such as <c>?q=water</c>) is kept on every page's address.
/// </summary>
public sealed record Pager(int Number, int TotalCount, string BasePath, int PageSize = Pager.DefaultPageSize, string QueryString = "")
{
    public const int DefaultPageSize = 10;

    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public int Skip => (Number - 1) * PageSize;
    public bool Exists => Number >= 1 && Number <= TotalPages;
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < TotalPages;

    /// <summary>False when <see cref="TotalCount"/> is only the least there are (search stops counting): the pager then names no last page.</summary>
    public bool TotalIsKnown { get; init; } = true;

    /// <summary>Lists run newest first, so the pager says newer and older; search results run best first.</summary>
    public bool ByRelevance { get; init; }

    public string UrlFor(int number) =>
        (number <= 1 ? (BasePath.Length == 0 ? "/" : BasePath) : $"{BasePath}/page/{number}") + QueryString;
}
