namespace QuettaVoice.Web.Search;

/// <summary>The "Search" settings: how many searches the page cache cannot answer run at once, and how many wait.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Searches run at once: by default half the cores. SQLite answers on the calling thread, so a running search
    /// holds one of the pool's threads, and the pool keeps about one a core: the other half serve every other page.
    /// </summary>
    public int Running { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Searches that wait for a turn; one more is asked to try again in a few seconds.</summary>
    public int Waiting { get; set; } = 64;

    public bool IsValid() => Running >= 1 && Waiting >= 0;
}
