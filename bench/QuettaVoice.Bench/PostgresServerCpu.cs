using Npgsql;

namespace QuettaVoice.Bench;

/// <summary>
/// The CPU time a PostgreSQL server on this machine has used: its postmaster's own, what its ended children left it,
/// and its live processes' (the site's pooled connections, the background writers). A page served from PostgreSQL
/// costs the site's CPU and this; counting the site's alone would make PostgreSQL look free.
/// </summary>
public sealed class PostgresServerCpu(int postmasterId)
{
    /// <summary>The server's postmaster, found through a connection's backend; null when it runs elsewhere (no /proc to read).</summary>
    public static async Task<PostgresServerCpu?> FindAsync(string server)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcStat.Read(backend) is { } stat ? new PostgresServerCpu(stat.ParentId) : null;
    }

    public TimeSpan CpuTime()
    {
        var postmaster = ProcStat.Read(postmasterId) ?? throw new InvalidOperationException($"PostgreSQL's postmaster {postmasterId} has ended");
        var total = postmaster.OwnCpu + postmaster.EndedChildrenCpu;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var id) && ProcStat.Read(id) is { } child && child.ParentId == postmasterId)
            {
                total += child.OwnCpu;
            }
        }

        return total;
    }
}
