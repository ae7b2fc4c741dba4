using Npgsql;

namespace QuettaVoice.Web.Scaling;

/// <summary>A PostgreSQL session-level advisory lock, held for as long as its own connection stays open.</summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly long key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        this.connection = connection;
        this.key = key;
    }

    /// <summary>Opens <paramref name="connection"/> (an unpooled one) and waits for the lock on it; the lock then owns and closes it.</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            // Waiting is the point: the instance that holds the lock may be running every migration.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, key);
        }
        catch
        {
            // Closing the connection ends its session, and with it a lock granted as the wait was cancelled.
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
