using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Import;

namespace QuettaVoice.Web.Data;

/// <summary>Brings the store up to date at start-up and, on a brand-new database, gives it the paper's sections and seed stories.</summary>
public sealed partial class DatabaseInitializer(
    NewsDb db,
    StoryImporter importer,
    IOptions<StorageOptions> storage,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>The paper's beats, as its masthead lists them.</summary>
    public static readonly IReadOnlyList<string> DefaultSections = ["Politics", "Economy", "Education", "Health", "Climate"];

    /// <summary>How long one statement of a migration may take: long enough to index every story again.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    /// <summary>Applies the pending migrations, logged by name; returns their names (none when up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Reading the history table is cheap; EF's migrate is not, even with nothing to apply (its own lock, the
        // history table made if missing, the model compared with the snapshot): a restart would pay for it each time.
        var pending = await PendingMigrationsAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return pending;
        }

        LogMigrating(pending.Count, pending);
        // A migration may rebuild the search index of every story (a minute or more at 100,000 on PostgreSQL):
        // the usual 30 seconds would roll it back, and no instance could start.
        var usual = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationTimeout);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(usual);
        }

        return pending;
    }

    /// <summary>
    /// Whether <see cref="InitializeAsync"/> would find nothing to do: no migration pending and a store with
    /// content. It only reads, so it needs no lock; the journal mode, kept in the file, is set all the same.
    /// </summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        if ((await PendingMigrationsAsync(cancellationToken)).Count > 0 || await IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        await UseWriteAheadLogAsync(cancellationToken);
        return true;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        await UseWriteAheadLogAsync(cancellationToken);
        if (!await IsEmptyAsync(cancellationToken))
        {
            return;
        }

        for (var i = 0; i < DefaultSections.Count; i++)
        {
            db.Sections.Add(new Section { Name = DefaultSections[i], Slug = Slug.From(DefaultSections[i]), Position = i });
        }

        await db.SaveChangesAsync(cancellationToken);
        await ImportSeedsAsync(cancellationToken);
    }

    /// <summary>Readers keep reading while the newsroom writes: in WAL mode no reader waits for a writer.</summary>
    /// <remarks>
    /// The mode is kept in the file, so on a store already in it this changes nothing; a writer that does find
    /// the file busy retries for the command timeout (30 s).
    /// </remarks>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// The migrations this build knows that the store's history lacks, in order, read with one plain command:
    /// EF's own pending-migrations check first builds a model of its history table, the slowest step of a
    /// restart with nothing to do. A store with no history table, or no database, yet has everything pending.
    /// </summary>
    private async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            return known;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return known.Where(migration => !applied.Contains(migration)).ToList();
    }

    /// <summary>No story, author or section: a brand-new store. Sections come first as every store past its first start has some.</summary>
    private async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Sections.AnyAsync(cancellationToken)
        && !await db.Articles.AnyAsync(cancellationToken)
        && !await db.Authors.AnyAsync(cancellationToken);

    private async Task ImportSeedsAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storage.Value.SeedDirectory))
        {
            return;
        }

        var seeds = Path.GetFullPath(storage.Value.SeedDirectory, AppContext.BaseDirectory);
        if (!Directory.Exists(seeds))
        {
            LogNoSeeds(seeds);
            return;
        }

        using var report = new StringWriter(CultureInfo.InvariantCulture);
        var result = await importer.ImportAsync(new ImportRequest([seeds]), report, cancellationToken);
        // The importer's report names each file it refused and why: without it the log said only how many.
        foreach (var refused in report.ToString().Split('\n').Where(line => line.Contains(": error: ", StringComparison.Ordinal)))
        {
            LogSeedRefused(refused.Trim());
        }

        LogSeeded(result.Imported, result.Failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed story not imported: {Refusal}")]
    private partial void LogSeedRefused(string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations to the store: {Migrations}")]
    private partial void LogMigrating(int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seed folder at {SeedDirectory}; the site starts empty")]
    private partial void LogNoSeeds(string seedDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: imported {Imported} seed stories ({Failed} failed)")]
    private partial void LogSeeded(int imported, int failed);
}
