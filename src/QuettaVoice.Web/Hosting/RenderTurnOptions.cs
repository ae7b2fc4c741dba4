using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Hosting;

/// <summary>The "RenderTurns" settings: how many pages the page cache cannot answer are made at once.</summary>
public sealed class RenderTurnOptions
{
    public const string SectionName = "RenderTurns";

    /// <summary>Pages made at once; unset, as many as suit the store (<see cref="RunningFor"/>).</summary>
    public int? Running { get; set; }

    public bool IsValid() => Running is null or >= 1;

    /// <summary>
    /// The pages made at once on <paramref name="provider"/>. A page on SQLite is made on the processor from start
    /// to end: one a core (two at least, so one slow page never stops the rest). A page on PostgreSQL spends much
    /// of its time waiting for the server's answers: with one a core, pages at 10,000 stories (PostgreSQL on the
    /// same two cores) were made up to 30% fewer times a second than with no line; with eight a core, as many. At
    /// most 32, so that the instances of a large machine stay within PostgreSQL's connections (100 by default).
    /// </summary>
    public int RunningFor(DatabaseProvider provider) =>
        Running ?? (provider == DatabaseProvider.Postgres
            ? Math.Clamp(8 * Environment.ProcessorCount, 2, MostOnPostgres)
            : Math.Max(2, Environment.ProcessorCount));

    public const int MostOnPostgres = 32;
}
