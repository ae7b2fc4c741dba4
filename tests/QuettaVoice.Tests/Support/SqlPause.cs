using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// Holds one of the site's queries, once it has run, until the test lets it go, so that a request which read
/// the store before a change can be made to finish after it.
/// </summary>
public sealed class SqlPause : DbCommandInterceptor
{
    private Hold? next;

    /// <summary>A query held: <see cref="Reached"/> once it has run, and it goes on after <see cref="Release"/>.</summary>
    public sealed class Hold(Func<string, bool> matches)
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Func<string, bool> Matches { get; } = matches;

        internal TaskCompletionSource ReachedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => ReachedSource.Task;

        internal Task Released => released.Task;

        public void Release() => released.TrySetResult();
    }

    /// <summary>Holds the next query whose SQL <paramref name="matches"/>, and that one only.</summary>
    public Hold Next(Func<string, bool> matches)
    {
        var hold = new Hold(matches);
        Volatile.Write(ref next, hold);
        return hold;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (Take(command) is { } hold)
        {
            hold.ReachedSource.TrySetResult();
            await hold.Released;
        }

        return result;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (Take(command) is { } hold)
        {
            hold.ReachedSource.TrySetResult();
            hold.Released.GetAwaiter().GetResult();
        }

        return result;
    }

    private Hold? Take(DbCommand command)
    {
        var hold = Volatile.Read(ref next);
        return hold is not null && hold.Matches(command.CommandText) && Interlocked.CompareExchange(ref next, null, hold) == hold ? hold : null;
    }
}
