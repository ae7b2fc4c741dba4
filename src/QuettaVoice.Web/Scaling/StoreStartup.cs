namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The store brought up (<see cref="OnceAtStart"/>) while the server starts, not before it: on a restart the two
/// take about as long as each other, so the server listens meanwhile and readers' requests, and the timers
/// that read the store, wait here for it instead.
/// </summary>
public sealed class StoreStartup(IServiceProvider services)
{
    private readonly Lazy<Task> bringUp = new(() => Task.Run(() => OnceAtStart.RunAsync(services)));

    /// <summary>Done once the store is up to date; the first to ask starts the work.</summary>
    public Task Ready => bringUp.Value;
}
