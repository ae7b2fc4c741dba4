using System.Data.Common;
using Npgsql;

namespace QuettaVoice.Web.Data;

/// <summary>
/// Npgsql's automatic preparation, on unless the connection string says otherwise: a statement a connection has run
/// a few times is prepared on the server, and from then on only bound and run, not parsed and planned again for every
/// page, as SQLite's statements are kept (<see cref="StatementKeepingConnection"/>). The prepared statements live
/// with Npgsql's pooled physical connections, so they last across requests.
/// </summary>
public static class PostgresPreparation
{
    /// <summary>The most statements prepared on one connection, the least recently used given up beyond: the pages run a few dozen.</summary>
    public const int MostPrepared = 64;

    /// <summary>Runs of a statement on a connection before it is prepared: a statement run once (a migration, a rare save) is not.</summary>
    public const int RunsBeforePreparing = 2;

    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql accepts each setting under more than one name; the plain parser keeps them as written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var named = written.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains(nameof(settings.MaxAutoPrepare)))
        {
            settings.MaxAutoPrepare = MostPrepared;
        }

        if (!named.Contains(nameof(settings.AutoPrepareMinUsages)))
        {
            settings.AutoPrepareMinUsages = RunsBeforePreparing;
        }

        return settings.ConnectionString;
    }
}
