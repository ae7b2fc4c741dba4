using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Data;

public sealed class MigrationTests : SiteTest
{
    public static TheoryData<string> Providers => [nameof(SqliteNewsDb), nameof(PostgresNewsDb)];

    /// <summary>Both sets are checked on every run: comparing the model with a snapshot needs no server.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_a_migration_for_every_model_change(string context)
    {
        using NewsDb db = context == nameof(SqliteNewsDb)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The EF model changed: add a migration with dotnet ef migrations add --context {context}.");
    }

    [Fact]
    public async Task Start_up_applies_every_migration_of_the_configured_provider()
    {
        var (provider, pending) = await App.WithDbAsync(async db => (db.Database.ProviderName, await db.Database.GetPendingMigrationsAsync()));

        Assert.Empty(pending);
        Assert.EndsWith(TestDatabase.IsPostgres ? "PostgreSQL" : "Sqlite", provider);
    }

    [Fact]
    public async Task A_store_whose_history_lacks_a_migration_of_this_build_is_not_up_to_date()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        Assert.True(await initializer.IsUpToDateAsync());

        var newest = db.GetService<IMigrationsAssembly>().Migrations.Keys.Max()!;
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{HistoryRepository.DefaultTableName}\" WHERE \"MigrationId\" = {{0}}", newest);

        Assert.False(await initializer.IsUpToDateAsync());
    }

    [SkippableFact]
    public async Task A_sqlite_store_runs_in_wal_mode_so_readers_never_wait_for_a_writer()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL's readers never wait for writers in any mode; WAL mode is SQLite's alone.");

        var mode = await App.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());

        Assert.Equal("wal", mode);
    }
}
