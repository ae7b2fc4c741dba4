using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Data;

public sealed class MigrationTests : SiteTest
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration() =>
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The EF model changed: add a migration with dotnet ef migrations add.");

    [Fact]
    public async Task Start_up_applies_every_migration() =>
        Assert.Empty(await App.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));

    [Fact]
    public async Task The_store_runs_in_wal_mode_so_readers_never_wait_for_a_writer()
    {
        var mode = await App.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());

        Assert.Equal("wal", mode);
    }
}
