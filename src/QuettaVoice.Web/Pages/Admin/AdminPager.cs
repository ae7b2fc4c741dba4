namespace QuettaVoice.Web.Pages.Admin;

/// <summary>
/// Where a newsroom list stands and how to reach its neighbours (<c>?paged=N</c>, with the list's other filters);
/// its words name which way the list runs.
/// </summary>
public sealed record AdminPager(int Number, int TotalPages, Func<int, string> Url, string Previous = "Newer", string Next = "Older")
{
    /// <summary>How many pages <paramref name="count"/> rows make, <paramref name="size"/> to a page; one when there are none.</summary>
    public static int PagesFor(int count, int size) => Math.Max(1, (count + size - 1) / size);
}
