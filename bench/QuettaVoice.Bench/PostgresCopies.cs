using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace QuettaVoice.Bench;

/// <summary>
/// The archives on PostgreSQL: each copied by the site's own <c>copy-db</c> command into a database of its own, named
/// after the archive's folder (which names its inputs and schema), and kept on the server between runs. A copy is made
/// under a loading name and renamed when complete, so a run stopped halfway leaves no database that looks finished.
/// With <paramref name="replace"/> (--regenerate, which makes the archives again under the same names) each is copied again.
/// </summary>
public sealed class PostgresCopies(Workspace workspace, string server, bool replace)
{
    private const string Prefix = "qvbench_";

    public async Task<Archive> EnsureAsync(Archive archive)
    {
        var name = DatabaseName(archive);
        var loading = name + "_loading";
        if (replace)
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\"");
        }

        if (!await ExistsAsync(name))
        {
            Console.WriteLine($"Copying the {archive.Stories:N0}-story archive to PostgreSQL ({name}); kept for later runs");
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{loading}\"");
            var run = await CommandRun.RunAsync(workspace.SiteExecutable, ["copy-db", "--to", ConnectionTo(loading)],
                SiteProcess.Environment(archive.DataDirectory), workspace.SiteDirectory);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"copy-db did not copy the archive (exit code {run.ExitCode}):\n{run.Output[^Math.Min(run.Output.Length, 2000)..]}");
            }

            Console.WriteLine($"  copied in {run.Elapsed.TotalSeconds:0} s");
            await ExecuteOnServerAsync($"ALTER DATABASE \"{loading}\" RENAME TO \"{name}\"");
        }

        return archive with { PostgresConnection = ConnectionTo(name) };
    }

    /// <summary>A name within PostgreSQL's 63 characters that changes whenever the archive's folder name does.</summary>
    private static string DatabaseName(Archive archive)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFileName(archive.DataDirectory))))[..12];
        return $"{Prefix}{archive.Stories}_{hash}";
    }

    private string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.AddWithValue(database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionTo("postgres")) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
