using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// Lets one instance at a time do the work that must happen once (migrations, the first-run import, the first
/// admin) when several start together on an empty database: the others wait, then find it done.
/// On PostgreSQL the lock is an advisory lock in the site's database, which every instance sees; on SQLite, whose
/// instances share one machine and one file, it is a lock file beside the database.
/// </summary>
public static class StartupLock
{
    /// <summary>Any fixed number: it names this lock among the server's advisory locks.</summary>
    private const long AdvisoryLockKey = 0x5155_4554_5441; // "QUETTA"

    /// <summary>
    /// Does <paramref name="work"/> holding the lock, with the store and data folder of <paramref name="services"/>:
    /// for a command that sets a new store up while the site may be starting on it too (both would add the sections).
    /// </summary>
    public static async Task WhileHeldAsync(IServiceProvider services, Func<Task> work)
    {
        await using (await AcquireAsync(services.GetRequiredService<NewsDb>(), services.GetRequiredService<DataFolder>()))
        {
            await work();
        }
    }

    public static async Task<IAsyncDisposable> AcquireAsync(NewsDb db, DataFolder dataFolder, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await LockFile.AcquireAsync(dataFolder.File("startup.lock"), cancellationToken);
        }

        // An advisory lock holds within one database, so every instance must lock in the site's own: the first
        // to come creates it (an instance that loses that race finds it made), then all of them queue there.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another instance created it a moment ago.
            }
        }

        // Unpooled: a session lock must end with its connection, not live on in a pool.
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(target.ConnectionString);
        return await AdvisoryLock.AcquireAsync(connection, AdvisoryLockKey, cancellationToken);
    }
}
