using Npgsql;

namespace QuettaVoice.Bench;

/// <summary>
/// The CPU time a PostgreSQL server on this machine has used: its postmaster's own, what its ended children left it,
/// and its live processes' (the site's pooled connections, the background writers). A page served from PostgreSQL
/// costs the site's CPU and this; counting the site's alone would make PostgreSQL look free.
/// </summary>
public sealed class PostgresServerCpu(int postmasterId)
{
    /// <summary>
    /// The server's postmaster, found through a connection's backend; null when the server is not on this machine (a
    /// process of the backend's number here would be another program's, and its parent most likely init).
    /// </summary>
    public static async Task<PostgresServerCpu?> FindAsync(string server)
    {
        var settings = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        if (settings.Host is not ("localhost" or "127.0.0.1" or "::1") && settings.Host?.StartsWith('/') != true)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcStat.Read(backend) is { } stat && IsPostgres(backend) && IsPostgres(stat.ParentId) ? new PostgresServerCpu(stat.ParentId) : null;
    }

    /// <summary>
    /// The postmaster's time, its ended children's and its live children's. A child that ends while its siblings are
    /// read would be in neither the first reading nor the list: the whole is read again until none has.
    /// </summary>
    public TimeSpan CpuTime()
    {
        while (true)
        {
            var before = Postmaster();
            var children = TimeSpan.Zero;
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(folder), out var id) && ProcStat.Read(id) is { } child && child.ParentId == postmasterId)
                {
                    children += child.OwnCpu;
                }
            }

            var after = Postmaster();
            if (after.EndedChildrenCpu == before.EndedChildrenCpu)
            {
                return after.OwnCpu + after.EndedChildrenCpu + children;
            }
        }
    }

    private ProcStat Postmaster() =>
        ProcStat.Read(postmasterId) ?? throw new InvalidOperationException($"PostgreSQL's postmaster {postmasterId} has ended");

    private static bool IsPostgres(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/comm").Trim() == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
