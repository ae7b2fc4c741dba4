namespace QuettaVoice.Web.Search;

/// <summary>The "Search" settings: how many searches the page cache cannot answer run at once, and how many wait.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Searches run at once: by default one a core; every other page has threads of its own beside them.</summary>
    public int Running { get; set; } = Environment.ProcessorCount;

    /// <summary>Searches that wait for a turn; one more is asked to try again in a few seconds.</summary>
    public int Waiting { get; set; } = 64;

    public bool IsValid() => Running >= 1 && Waiting >= 0;
}
