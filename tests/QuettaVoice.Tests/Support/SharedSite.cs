namespace QuettaVoice.Tests.Support;

/// <summary>
/// One seeded site for a whole test class, for tests that only read or add what no other test of the class
/// looks at: a fresh store per test costs a migrated database each on PostgreSQL.
/// </summary>
public sealed class SharedSite : IAsyncLifetime
{
    public TestApp App { get; } = new(seed: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
