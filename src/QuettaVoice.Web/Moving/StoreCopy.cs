using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Web.Moving;

/// <summary>
/// Copies every table of the model from the SQLite store into an empty PostgreSQL store, keys as they are, in one
/// transaction on the target. Tables, columns and their order come from the EF model, so a table added to the
/// model is copied with no change here. Each value is read through the source's type mapping to its .NET value
/// and written through the target's, so times arrive as UTC, enums stay strings and lists become arrays.
/// </summary>
public sealed class StoreCopy(SqliteNewsDb source, PostgresNewsDb target)
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    private readonly ISqlGenerationHelper sourceSql = source.GetService<ISqlGenerationHelper>();
    private readonly ISqlGenerationHelper targetSql = target.GetService<ISqlGenerationHelper>();

    /// <summary>The model's tables, each after every table its foreign keys point at.</summary>
    public static IReadOnlyList<ITable> TablesInForeignKeyOrder(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>(tables.Count);
        while (ordered.Count < tables.Count)
        {
            ordered.Add(tables.Except(ordered).FirstOrDefault(table => table.ForeignKeyConstraints
                    .All(key => key.PrincipalTable == table || ordered.Contains(key.PrincipalTable)))
                ?? throw new InvalidOperationException("The model's tables refer to each other in a circle, so no order inserts them all."));
        }

        return ordered;
    }

    /// <summary>Copies everything, or refuses a target that already holds rows; either way the target is whole.</summary>
    public async Task<StoreCopyResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var tables = TablesInForeignKeyOrder(target.Model);
        var sourceTables = source.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);

        await source.Database.OpenConnectionAsync(cancellationToken);
        // A deferred transaction reads one snapshot of the file (WAL) and holds no lock the site's writers wait for.
        await using var snapshot = ((SqliteConnection)source.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var writes = transaction.GetDbTransaction();

        var occupied = new List<string>();
        foreach (var table in tables)
        {
            if (await ScalarAsync<bool>(writes, $"SELECT EXISTS (SELECT 1 FROM {Delimit(targetSql, table)})", cancellationToken))
            {
                occupied.Add(table.Name);
            }
        }

        if (occupied.Count > 0)
        {
            return new StoreCopyResult([], occupied);
        }

        // The target's own triggers (search's) are off while the rows arrive and the search index is built once when
        // they are all in: on, they read a story's whole text at its insert and once more at each of its tags, and
        // 100,000 stories took 21 minutes to copy. The foreign keys' triggers are the system's, and stay on.
        await SetTriggersAsync(tables, "DISABLE", writes, cancellationToken);
        var copied = new List<CopiedTable>(tables.Count);
        foreach (var table in tables)
        {
            var from = sourceTables.GetValueOrDefault(table.Name)
                ?? throw new InvalidOperationException($"The SQLite model has no table {table.Name}.");
            var read = await CopyTableAsync(from, table, snapshot, writes, cancellationToken);
            var written = await ScalarAsync<long>(writes, $"SELECT COUNT(*) FROM {Delimit(targetSql, table)}", cancellationToken);
            copied.Add(new CopiedTable(table.Name, read, written));
        }

        if (copied.Find(t => t.Read != t.Written) is { } mismatch)
        {
            throw new InvalidOperationException($"{mismatch.Name}: read {mismatch.Read} rows but the target holds {mismatch.Written}.");
        }

        // Last, because PostgreSQL never rolls a sequence back: a copy that failed earlier leaves them untouched.
        foreach (var table in tables)
        {
            await MoveSequencesPastCopiedKeysAsync(table, writes, cancellationToken);
        }

        await SetTriggersAsync(tables, "ENABLE", writes, cancellationToken);
        await ExecuteAsync(writes, PostgresSearchIndex.RebuildSql, cancellationToken);

        // The planner's statistics, gathered now (inside the copy, which they count) rather than when autovacuum comes
        // round, a minute or more later, and never for a table of a few rows: the site's first pages are planned on
        // them. The search index's table is outside the model, and search is the heaviest of its statements.
        var analysed = tables.Select(t => Delimit(targetSql, t)).Append(targetSql.DelimitIdentifier(PostgresSearchIndex.Table));
        await ExecuteAsync(writes, "ANALYZE " + string.Join(", ", analysed), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new StoreCopyResult(copied, []);
    }

    private async Task<long> CopyTableAsync(ITable from, ITable to, DbTransaction snapshot, DbTransaction writes, CancellationToken cancellationToken)
    {
        var columns = to.Columns.ToList();
        var sourceColumns = columns
            .Select(c => from.FindColumn(c.Name) ?? throw new InvalidOperationException($"The SQLite table {from.Name} has no column {c.Name}."))
            .ToList();
        var readers = sourceColumns.Select(c => ReaderOf(c.PropertyMappings[0].TypeMapping)).ToList();
        var writers = columns.Select(c => c.PropertyMappings[0].TypeMapping).ToList();

        await using var select = snapshot.Connection!.CreateCommand();
        select.Transaction = snapshot;
        select.CommandText = $"SELECT {string.Join(", ", sourceColumns.Select(c => sourceSql.DelimitIdentifier(c.Name)))} "
            + $"FROM {Delimit(sourceSql, from)} "
            + $"ORDER BY {string.Join(", ", from.PrimaryKey!.Columns.Select(c => sourceSql.DelimitIdentifier(c.Name)))}";

        await using var insert = writes.Connection!.CreateCommand();
        insert.Transaction = writes;
        insert.CommandText = $"INSERT INTO {Delimit(targetSql, to)} ({string.Join(", ", columns.Select(c => targetSql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => targetSql.GenerateParameterNamePlaceholder("p" + i.ToString(CultureInfo.InvariantCulture))))})";

        var selfReferences = to.ForeignKeyConstraints.Where(key => key.PrincipalTable == to)
            .Select(key => new SelfReference(Ordinals(key.Columns), Ordinals(key.PrincipalColumns)))
            .ToList();
        var waiting = new List<object?[]>();
        long read = 0;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = readers.Select((readValue, i) => readValue(reader, i)).ToArray();
                read++;
                if (selfReferences.Count == 0)
                {
                    await InsertAsync(row);
                }
                else
                {
                    waiting.Add(row);
                }
            }
        }

        foreach (var row in ParentsFirst(to.Name, selfReferences, waiting))
        {
            await InsertAsync(row);
        }

        return read;

        int[] Ordinals(IEnumerable<IColumn> keyColumns) => keyColumns.Select(c => columns.FindIndex(column => column.Name == c.Name)).ToArray();

        async Task InsertAsync(object?[] row)
        {
            insert.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Parameters.Add(writers[i].CreateParameter(
                    insert, targetSql.GenerateParameterName("p" + i.ToString(CultureInfo.InvariantCulture)), row[i], columns[i].IsNullable));
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A value as the model holds it (an enum, a list, a time), read as the source's column stores it.</summary>
    private static Func<DbDataReader, int, object?> ReaderOf(RelationalTypeMapping mapping)
    {
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        var read = GetFieldValue.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored);
        return (reader, ordinal) =>
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var value = read.Invoke(reader, [ordinal]);
            return mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
        };
    }

    /// <summary>
    /// A row that refers to another row of its own table (a reply to a comment) comes after that row, so the
    /// target's foreign keys hold at every insert whatever order the keys were given in.
    /// </summary>
    private static List<object?[]> ParentsFirst(string table, List<SelfReference> selfReferences, List<object?[]> rows)
    {
        var inserted = selfReferences.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var ordered = new List<object?[]>(rows.Count);
        var waiting = rows;
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(row => selfReferences
                    .Select((reference, i) => reference.IsUnset(row) || inserted[i].Contains(SelfReference.Key(row, reference.Referencing)))
                    .All(satisfied => satisfied))
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"{table}: {waiting.Count} rows refer to rows of their own table that are missing or refer back to them.");
            }

            foreach (var row in ready)
            {
                ordered.Add(row);
                for (var i = 0; i < selfReferences.Count; i++)
                {
                    inserted[i].Add(SelfReference.Key(row, selfReferences[i].Referenced));
                }
            }

            waiting = waiting.Except(ready).ToList();
        }

        return ordered;
    }

    /// <summary>Sets each key sequence to the highest copied key, so the next row the site adds gets a fresh one.</summary>
    private async Task MoveSequencesPastCopiedKeysAsync(ITable table, DbTransaction writes, CancellationToken cancellationToken)
    {
        var generatedKeys = table.PrimaryKey!.Columns
            .Where(c => c.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd));
        foreach (var column in generatedKeys)
        {
            // No sequence (a key the application picks) or no rows: nothing to move.
            await using var command = Command(writes, "SELECT setval(s.sequence, m.highest) "
                + "FROM (SELECT pg_get_serial_sequence(@table, @column) AS sequence) s, "
                + $"(SELECT MAX({targetSql.DelimitIdentifier(column.Name)}) AS highest FROM {Delimit(targetSql, table)}) m "
                + "WHERE s.sequence IS NOT NULL AND m.highest IS NOT NULL");
            AddText(command, "table", Delimit(targetSql, table));
            AddText(command, "column", column.Name);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task SetTriggersAsync(IEnumerable<ITable> tables, string change, DbTransaction writes, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await ExecuteAsync(writes, $"ALTER TABLE {Delimit(targetSql, table)} {change} TRIGGER USER", cancellationToken);
        }
    }

    private async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// A statement of the copy, with the target's command timeout (the copy command sets its migrations' hour):
    /// rebuilding the search index or counting the comments of a large archive takes minutes, where a command made
    /// on the connection would stop at 30 s.
    /// </summary>
    private DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = target.Database.GetCommandTimeout() ?? command.CommandTimeout;
        return command;
    }

    private static void AddText(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Delimit(ISqlGenerationHelper sql, ITable table) => sql.DelimitIdentifier(table.Name, table.Schema);
}
