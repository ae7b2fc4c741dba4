using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// Holds one of the site's queries, once it has run, until the test lets it go, so that a request which read
/// the store before a change can be made to finish after it.
/// </summary>
public sealed class SqlPause : DbCommandInterceptor
{
    private readonly HoldPoint<string> point = new();

    /// <summary>Holds the next query whose SQL <paramref name="matches"/>, and that one only.</summary>
    public Hold Next(Func<string, bool> matches) => point.Next(matches);

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (point.Take(command.CommandText) is { } hold)
        {
            await hold.StopHereAsync();
        }

        return result;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        point.Take(command.CommandText)?.StopHereAsync().GetAwaiter().GetResult();
        return result;
    }
}
