using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuettaVoice.Web.Data;

/// <summary>
/// Gives EF connections that keep their compiled statements (<see cref="StatementKeepingConnection"/>), and has each
/// command EF makes run as the kept one for the same SQL, once EF has given it its SQL and values.
/// </summary>
public sealed class SqliteStatementReuse : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(new StatementKeepingConnection(eventData.ConnectionString!));

    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        result.Connection is StatementKeepingConnection connection ? connection.Reuse((SqliteCommand)result) : result;
}
