using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// Counts the SQL commands the site sends, so a test can tell whether a page's cost grows with its data; while
/// <see cref="Recorded"/> is set, keeps their text too, for a test that asks the engine how it runs them.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public System.Collections.Concurrent.ConcurrentQueue<string>? Recorded { get; set; }

    /// <summary>While set, keeps each command's text with its parameters, for a test that asks the engine how it runs them as sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<SentCommand>? RecordedWithValues { get; set; }

    public sealed record SentCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>
    /// While set, keeps for each statement SQLite reads how many times it has run, this run included: more than once
    /// means the statement was compiled for an earlier run and kept.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Sql, int Runs)>? SqliteRuns { get; set; }

    /// <summary>SQLITE_STMTSTATUS_RUN: how many times a statement has run, counted at the first step of each run.</summary>
    private const int StatementRuns = 6;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    private void Note(DbCommand command)
    {
        Interlocked.Increment(ref count);
        Recorded?.Enqueue(command.CommandText);
        RecordedWithValues?.Enqueue(new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        NoteRuns(command, result);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        NoteRuns(command, result);
        return ValueTask.FromResult(result);
    }

    private void NoteRuns(DbCommand command, DbDataReader reader)
    {
        if (SqliteRuns is { } runs && reader is Microsoft.Data.Sqlite.SqliteDataReader { Handle: { } statement })
        {
            runs.Enqueue((command.CommandText, SQLitePCL.raw.sqlite3_stmt_status(statement, StatementRuns, 0)));
        }
    }
}
