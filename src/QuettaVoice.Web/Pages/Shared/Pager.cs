namespace QuettaVoice.Web.Pages.Shared;

/// <summary>Where a paged list stands, and the addresses of its neighbours in the old site's style.</summary>
public sealed record Pager(int Number, int TotalCount, string BasePath, int PageSize = Pager.DefaultPageSize)
{
    public const int DefaultPageSize = 10;

    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public int Skip => (Number - 1) * PageSize;
    public bool Exists => Number >= 1 && Number <= TotalPages;
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < TotalPages;

    public string UrlFor(int number) =>
        number <= 1 ? (BasePath.Length == 0 ? "/" : BasePath) : $"{BasePath}/page/{number}";
}
