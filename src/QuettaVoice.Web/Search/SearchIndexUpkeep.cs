using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Every night at <see cref="At"/> newsroom time, merges each SQLite search index into one segment. Stories saved one
/// at a time leave an index in many segments (19 for 100,000 stories saved so), and a search seeks each of its words
/// in every one: merged, the highlights of a page of "gwadar port" took 1.8 ms of SQL instead of 3.0. The merge goes a
/// few hundred pages a step, each step its own short write, so the newsroom's saves go on between (2.8 s in all at
/// 100,000 stories, 0.7 s the longest step); an index already in one segment costs one step that does nothing.
/// PostgreSQL keeps its own indexes.
/// </summary>
public sealed partial class SearchIndexUpkeep(
    IServiceScopeFactory scopes,
    DatabaseOptions database,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    StoreStartup storeStartup,
    ILogger<SearchIndexUpkeep> logger) : BackgroundService
{
    /// <summary>The quietest hour of a news site: after the night desk, before the morning's stories.</summary>
    public static readonly TimeOnly At = new(4, 0);

    /// <summary>
    /// The most a night's merge may run. A save between two steps makes the next step start the merge again, copying
    /// what was already merged once more; a long import at the hour would otherwise be slowed for its whole length.
    /// </summary>
    private static readonly TimeSpan MostANight = TimeSpan.FromMinutes(2);

    /// <summary>Each index's merge step: a negative count merges toward one segment, that many pages at a time.</summary>
    private static readonly string[] MergeSteps =
    [
        "INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('merge', -200)",
        "INSERT INTO HeadlineSearch (HeadlineSearch, rank) VALUES ('merge', -200)",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await storeStartup.Ready.WaitAsync(stoppingToken);
        while (true)
        {
            await Task.Delay(UntilNext(clock.GetUtcNow(), site.Value.FindTimeZone()), clock, stoppingToken);
            try
            {
                await MergeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Searches are only slower with a fragmented index: the next night tries again.
                LogFailed(exception);
            }
        }
    }

    /// <summary>How long from <paramref name="now"/> until <see cref="At"/> next comes in <paramref name="zone"/>.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var next = AtOn(date, zone);
        return (next > now ? next : AtOn(date.AddDays(1), zone)) - now;
    }

    private static DateTimeOffset AtOn(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(At);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Merges each index of the site's store.</summary>
    public async Task MergeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await MergeAsync(db.Database.GetDbConnection(), cancellationToken);
    }

    /// <summary>
    /// Merges each index on an open SQLite <paramref name="connection"/> until a step finds nothing left to merge (it
    /// then changes fewer than two rows), or <see cref="MostANight"/> has gone. The benchmark's archive generator
    /// leaves its archives so, as a night would.
    /// </summary>
    public static async Task MergeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        await using var step = connection.CreateCommand();
        await using var totalChanges = connection.CreateCommand();
        totalChanges.CommandText = "SELECT total_changes()";
        foreach (var merge in MergeSteps)
        {
            step.CommandText = merge;
            long changed;
            do
            {
                var before = (long)(await totalChanges.ExecuteScalarAsync(cancellationToken))!;
                await step.ExecuteNonQueryAsync(cancellationToken);
                changed = (long)(await totalChanges.ExecuteScalarAsync(cancellationToken))! - before;
            }
            while (changed >= 2 && started.Elapsed < MostANight);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not merge the search index's segments; searches stay a little slower until the next night")]
    private partial void LogFailed(Exception exception);
}
