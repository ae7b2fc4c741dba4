using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace QuettaVoice.Web.Data;

/// <summary>
/// Gives EF connections that keep their compiled statements (<see cref="StatementKeepingConnection"/>), and has each
/// query EF makes run as the kept command for the same SQL, once EF has given it its SQL and values.
/// </summary>
public sealed class SqliteStatementReuse : IDbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>
    /// EF sets up each SQLite connection it makes (its SQL functions, such as <c>regexp</c> and the <c>ef_</c> decimal
    /// arithmetic, and the command timeout) in a method of its own, private to where it makes them; a connection made
    /// here instead is set up by that same method, so it is everything EF's own would be.
    /// </summary>
    private static readonly MethodInfo SetUpAsEfDoes =
        Type.GetType("Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.SqliteRelationalConnection, Microsoft.EntityFrameworkCore.Sqlite")
            ?.GetMethod("InitializeDbConnection", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(DbConnection)])
        ?? throw new InvalidOperationException(
            "EF Core's SqliteRelationalConnection no longer sets its connections up in InitializeDbConnection(DbConnection): "
            + "the site's SQLite connections (Data/StatementKeepingConnection) cannot be made as EF's own.");

    public InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        if (eventData.Context is null)
        {
            return result;
        }

        var connection = new StatementKeepingConnection(eventData.ConnectionString!);
        SetUpAsEfDoes.Invoke(eventData.Context.GetService<IRelationalConnection>(), [connection]);
        return InterceptionResult<DbConnection>.SuppressWithResult(connection);
    }

    /// <summary>Only what queries read is kept: a save's statements hold what was saved (a comment, an email) in their values.</summary>
    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        result.Connection is StatementKeepingConnection connection && eventData.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery
            ? connection.Reuse((SqliteCommand)result)
            : result;
}
