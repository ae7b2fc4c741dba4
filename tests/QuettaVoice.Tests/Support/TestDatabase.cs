using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// The store one test site runs on: a SQLite file in the site's data folder, or, when <c>QV_TEST_POSTGRES</c>
/// holds a connection string, a database of its own on that PostgreSQL server, which the site's migrations
/// create on its first start and which is dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "QV_TEST_POSTGRES";

    private static readonly string? PostgresServer =
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    /// <summary>A database with every migration applied, made on first use and dropped when the test run ends.</summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var name = "qv_template_" + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgresNewsDb(new DbContextOptionsBuilder<PostgresNewsDb>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }

        // A template must have no connection when it is copied.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    });

    private readonly string dataDirectory;
    private readonly string? postgresDatabase;
    private bool disposed;

    /// <param name="dataDirectory">The site's data folder, which holds the SQLite file.</param>
    /// <param name="empty">
    /// On PostgreSQL, leave the database for the site to create and migrate, as on a first deploy; otherwise it
    /// starts as a copy of a database migrated once per test run, which is much faster than migrating each.
    /// </param>
    public TestDatabase(string dataDirectory, bool empty = false)
    {
        this.dataDirectory = dataDirectory;
        if (PostgresServer is not null)
        {
            postgresDatabase = "qv_test_" + Guid.NewGuid().ToString("N");
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresDatabase }.ConnectionString;
            if (!empty)
            {
                ExecuteOnServer($"CREATE DATABASE \"{postgresDatabase}\" TEMPLATE \"{MigratedTemplate.Value}\"");
            }
        }
        else
        {
            ConnectionString = $"Data Source={FilePath};Pooling=False";
        }
    }

    /// <summary>True when this run of the suite is on PostgreSQL.</summary>
    public static bool IsPostgres => PostgresServer is not null;

    public static DatabaseProvider Provider => IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file is (SQLite runs only).</summary>
    public string FilePath => Path.Combine(dataDirectory, DataServices.DatabaseFileName);

    public string ConnectionString { get; }

    /// <summary>The configuration that points a site at this store; none is needed for the default SQLite file.</summary>
    public IReadOnlyDictionary<string, string> Settings => postgresDatabase is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Default"] = ConnectionString,
        };

    /// <summary>The same settings as environment variables, for the site's executable run as a command.</summary>
    public IEnumerable<KeyValuePair<string, string>> EnvironmentVariables =>
        Settings.Select(setting => KeyValuePair.Create(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value));

    /// <summary>A plain connection to the store, to read what a site wrote without going through it.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The number of rows in <paramref name="table"/> (quoted, so the same SQL runs on both engines).</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (postgresDatabase is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends the connections a stopped site may still hold.
        ExecuteOnServer($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
    }

    private static void ExecuteOnServer(string sql)
    {
        using var server = new NpgsqlConnection(PostgresServer);
        server.Open();
        using var command = server.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
