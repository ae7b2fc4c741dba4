namespace QuettaVoice.Tests.Support;

/// <summary>The site on Kestrel at 127.0.0.1 on a free port, for a real browser to visit.</summary>
public sealed class LiveSite : IAsyncLifetime
{
    public TestApp App { get; } = new(seed: true);

    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
