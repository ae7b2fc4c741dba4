namespace QuettaVoice.Tests.Support;

/// <summary>A test class with a site of its own, started fresh for each test and removed after it.</summary>
public abstract class SiteTest(bool seed = false, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    protected TestApp App { get; } = new(seed, settings: settings);

    /// <summary>Arrange what every test of the class needs; the site starts on first use.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
