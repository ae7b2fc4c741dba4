using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Moving;

/// <summary><c>copy-db --to CONNECTION</c>: moves the whole paper from its SQLite file to an empty PostgreSQL database.</summary>
public static class CopyDbCommand
{
    public const string Name = "copy-db";

    public const string Usage =
        "usage: copy-db --to \"Host=...;Database=...;Username=...;Password=...\"\n"
        + "  Copies every table of this site's SQLite store into an empty PostgreSQL database, creating it and its\n"
        + "  tables if needed. Stop the site first: what is written after the copy starts stays behind.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["--to", { Length: > 0 } to])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<NewsDb>() is not SqliteNewsDb source)
        {
            await errors.WriteLineAsync("copy-db: this site is configured for PostgreSQL (Database:Provider); copy-db reads the SQLite store it is moving from.");
            return 1;
        }

        var file = new SqliteConnectionStringBuilder(source.Database.GetConnectionString()).DataSource;
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"copy-db: there is no SQLite store at {file}: check Storage:DataDirectory.");
            return 1;
        }

        try
        {
            var server = new NpgsqlConnectionStringBuilder(to);
            await using var target = new PostgresNewsDb(new DbContextOptionsBuilder<PostgresNewsDb>().UseNpgsql(to).Options);
            var strangers = await TablesOfAnotherApplicationAsync(target);
            if (strangers.Count > 0)
            {
                await errors.WriteLineAsync($"copy-db: the target database already holds tables that are not a Quetta Voice store's "
                    + $"({string.Join(", ", strangers.Take(5))}); give an empty database. Nothing was written.");
                return 1;
            }

            // Both stores get the tables of the model this build copies: the source as the site would at its next
            // start, the target so that it has somewhere to put the rows.
            source.Database.SetCommandTimeout(DatabaseInitializer.MigrationTimeout);
            target.Database.SetCommandTimeout(DatabaseInitializer.MigrationTimeout);
            await source.Database.MigrateAsync();
            await target.Database.MigrateAsync();
            await output.WriteLineAsync($"From {file} to database {server.Database ?? server.Username} on {server.Host}:{server.Port}, its migrations applied.");

            var result = await new StoreCopy(source, target).RunAsync();
            if (result.Refused)
            {
                await errors.WriteLineAsync($"copy-db: the target already holds rows in {string.Join(", ", result.OccupiedTables)}; "
                    + "it must be empty. No row was written.");
                return 1;
            }

            var width = result.Tables.Max(t => t.Name.Length);
            foreach (var table in result.Tables)
            {
                await output.WriteLineAsync($"  {table.Name.PadRight(width)}  {table.Read,8} read  {table.Written,8} written");
            }

            await output.WriteLineAsync($"  {"Total".PadRight(width)}  {result.TotalRead,8} read  {result.TotalWritten,8} written, in {result.Tables.Count} tables.");
            var data = scope.ServiceProvider.GetRequiredService<DataFolder>();
            await output.WriteLineAsync($"Media files are not in the database: they stay in {data.Media}. Give every PostgreSQL-backed "
                + $"instance this data folder ({data.Path}), shared, so pictures and sign-in keys carry over.");
            return 0;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException)
        {
            await errors.WriteLineAsync($"copy-db: the copy failed and no row was written to the target: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The target's tables when it has some but no migrations history: then it is some other application's
    /// database, which this site's migrations must not touch. A target this command migrated before is fine.
    /// </summary>
    private static async Task<List<string>> TablesOfAnotherApplicationAsync(PostgresNewsDb target)
    {
        if (!await target.GetService<IRelationalDatabaseCreator>().ExistsAsync())
        {
            return [];
        }

        var tables = await target.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()")
            .ToListAsync();
        return tables.Contains(HistoryRepository.DefaultTableName) ? [] : tables;
    }
}
