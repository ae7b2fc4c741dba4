using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Data;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TestApp app = new(seed: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_model_has_no_changes_without_a_migration() =>
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The EF model changed: add a migration with dotnet ef migrations add.");

    [Fact]
    public async Task Start_up_applies_every_migration() =>
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
}
