using Microsoft.EntityFrameworkCore;
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

    /// <summary>Applies the pending migrations, logged by name; returns their names (none when up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(pending.Count, pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        // Readers keep reading while the newsroom writes: in WAL mode no reader waits for a writer. The mode
        // is kept in the file; a writer that does find the file busy retries for the command timeout (30 s).
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var isEmpty = !await db.Articles.AnyAsync(cancellationToken)
            && !await db.Authors.AnyAsync(cancellationToken)
            && !await db.Sections.AnyAsync(cancellationToken);
        if (!isEmpty)
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

        var result = await importer.ImportAsync(new ImportRequest([seeds]), TextWriter.Null, cancellationToken);
        LogSeeded(result.Imported, result.Failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations to the store: {Migrations}")]
    private partial void LogMigrating(int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seed folder at {SeedDirectory}; the site starts empty")]
    private partial void LogNoSeeds(string seedDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: imported {Imported} seed stories ({Failed} failed)")]
    private partial void LogSeeded(int imported, int failed);
}
