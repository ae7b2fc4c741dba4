using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// Lets one instance at a time do the work that must happen once (migrations, the first-run import, the first
/// admin) when several start together on an empty database: the others wait, then find it done.
/// On PostgreSQL the lock is an advisory lock on the server, which every instance sees; on SQLite, whose
/// instances share one machine and one file, it is a lock file beside the database.
/// </summary>
public static class StartupLock
{
    /// <summary>Any fixed number: it names this lock among the server's advisory locks.</summary>
    private const long AdvisoryLockKey = 0x5155_4554_5441; // "QUETTA"

    public static async Task<IAsyncDisposable> AcquireAsync(NewsDb db, DataFolder dataFolder, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await LockFile.AcquireAsync(dataFolder.File("startup.lock"), cancellationToken);
        }

        // Unpooled: a session lock must end with its connection, not live on in a pool.
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(target.ConnectionString);
        try
        {
            // The server may not hold the database yet; the lock lives in the server's default database then.
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            target.Database = "postgres";
            connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }

        return await AdvisoryLock.AcquireAsync(connection, AdvisoryLockKey, cancellationToken);
    }
}
