namespace QuettaVoice.Web.Hosting;

/// <summary>The "RenderTurns" settings: how many pages the page cache cannot answer are made at once.</summary>
public sealed class RenderTurnOptions
{
    public const string SectionName = "RenderTurns";

    /// <summary>
    /// Pages made at once: by default one a core (two at least, so one slow page never stops the rest). A page
    /// on SQLite is made on the processor from start to end; where the store is on another machine and pages wait
    /// on it, more may run than there are cores.
    /// </summary>
    public int Running { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
