using System.Data;
using Microsoft.Data.Sqlite;

namespace QuettaVoice.Web.Data;

/// <summary>
/// A SQLite connection that keeps the statements SQLite has compiled for it, so that a statement run again, on any
/// later request the connection serves, is only bound to its new values and run. Compiling (parsing and planning)
/// the three statements of a story page took more of its processor time than running them.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite keeps a compiled statement only inside the command that made it, and ends both when the
/// command is disposed or the connection closed, which EF does after every use. So this connection's commands go
/// back to it when EF disposes them (<see cref="KeptCommand"/>), EF's close only tidies it (<see cref="Close"/>), and
/// a new command for SQL already kept is swapped for the kept one before it runs (<see cref="Reuse"/>, by
/// <see cref="SqliteStatementReuse"/>). Only queries' commands are kept (a transaction's BEGIN or a save's INSERT is
/// not), and a command must be disposed once. A kept query holds the values it last ran with (a search's words, a
/// sign-in's email) until it runs again, in this process's memory only. Functions, collations and extensions are
/// to be added before the first open, as EF does: added while the connection is parked, they would wait for a real
/// open. Each pooled context owns one such connection; it really closes when EF
/// disposes it, with the context (the pool keeps at most <see cref="DataServices.SqliteContextsPooled"/>).
/// </remarks>
public sealed class StatementKeepingConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>
    /// The most statements kept idle on one connection. The site's pages run a few dozen different ones, and each
    /// kept statement holds its compiled program in memory; SQL run once (a migration, a newsroom's batch of saves)
    /// is not worth keeping, so a connection that reaches the limit ends all it keeps and starts again.
    /// </summary>
    public const int MostKept = 48;

    private readonly Dictionary<string, KeptCommand> idle = new(StringComparer.Ordinal);
    private readonly HashSet<KeptCommand> running = [];
    private bool ending;
    private bool parked;

    /// <summary>The number of statements kept, idle, for the SQL they were compiled from.</summary>
    public int KeptCount => idle.Count;

    public override SqliteCommand CreateCommand()
    {
        var command = new KeptCommand { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };
        running.Add(command);
        return command;
    }

    /// <summary>
    /// The kept command for <paramref name="fresh"/>'s SQL, given its values, its transaction and its timeout, in its
    /// place; or <paramref name="fresh"/> itself when none is kept idle for that SQL.
    /// </summary>
    public SqliteCommand Reuse(SqliteCommand fresh)
    {
        if (fresh is not KeptCommand made)
        {
            return fresh;
        }

        if (!idle.Remove(fresh.CommandText, out var kept))
        {
            made.Keepable = true;
            return fresh;
        }

        var values = fresh.Parameters.Cast<SqliteParameter>().ToArray();
        fresh.Parameters.Clear();
        kept.Parameters.AddRange(values);
        kept.Transaction = fresh.Transaction;
        kept.CommandTimeout = fresh.CommandTimeout;
        running.Remove(made);
        made.End();
        running.Add(kept);
        return kept;
    }

    /// <summary>
    /// Takes a command back when it is disposed, if it was handed out by <see cref="Reuse"/> for a query; false when it
    /// is to be ended instead. A command disposed again while it is kept is left kept.
    /// </summary>
    private bool TryKeep(KeptCommand command)
    {
        if (idle.TryGetValue(command.CommandText, out var already) && already == command)
        {
            return true;
        }

        running.Remove(command);
        if (ending || !command.Keepable || State != ConnectionState.Open || command.IsReading || idle.ContainsKey(command.CommandText))
        {
            return false;
        }

        if (idle.Count == MostKept)
        {
            EndIdle();
        }

        command.Parameters.Clear();
        command.Transaction = null;
        idle[command.CommandText] = command;
        return true;
    }

    private void EndIdle()
    {
        foreach (var command in idle.Values)
        {
            command.End();
        }

        idle.Clear();
    }

    /// <summary>Closed as far as EF and the commands can tell, while SQLite's connection stays open with the kept statements.</summary>
    public override ConnectionState State => parked ? ConnectionState.Closed : base.State;

    /// <summary>Opens, or takes up again the SQLite connection a close left open.</summary>
    public override void Open()
    {
        if (parked)
        {
            parked = false;
            return;
        }

        base.Open();
    }

    /// <summary>
    /// Closes as far as EF and the commands can tell, but leaves SQLite's connection open with its kept statements:
    /// EF closes its connection after each use, and a real close would end them all. What a close is for is still
    /// done: a transaction left open is rolled back, and a command still running (a reader not read to its end,
    /// with which SQLite holds a read of the file open) is ended.
    /// </summary>
    public override void Close()
    {
        if (ending || base.State != ConnectionState.Open)
        {
            parked = false;
            base.Close();
            return;
        }

        try
        {
            Transaction?.Dispose();
        }
        catch
        {
            // A transaction that would not roll back may still hold SQLite's write lock: the connection closes for
            // real, and keeps nothing from now on.
            ending = true;
            EndRunning();
            EndIdle();
            base.Close();
            throw;
        }

        EndRunning();
        parked = true;
    }

    private void EndRunning()
    {
        foreach (var command in running.ToArray())
        {
            command.End();
        }

        running.Clear();
    }

    /// <summary>A connection given another database really closes first, so nothing kept can run against the old one.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => base.ConnectionString;
        set
        {
            if (parked)
            {
                EndIdle();
                parked = false;
                base.Close();
            }

            base.ConnectionString = value;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ending = true;
            EndIdle();
        }

        base.Dispose(disposing);
    }

    /// <summary>A command that goes back to its connection when disposed, its compiled statements still made.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private bool ending;

        /// <summary>Whether it was made for a query (see <see cref="Reuse"/>), so worth keeping.</summary>
        public bool Keepable { get; set; }

        /// <summary>Whether a reader of its results is still open.</summary>
        public bool IsReading => DataReader is not null;

        /// <summary>Disposes the command for real, ending its statements.</summary>
        public void End()
        {
            ending = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !ending && Connection is StatementKeepingConnection owner && owner.TryKeep(this))
            {
                return;
            }

            base.Dispose(disposing);
        }
    }
}
