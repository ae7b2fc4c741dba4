namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The store brought up (<see cref="OnceAtStart"/>) while the server starts, not before it: on a restart the two
/// take about as long as each other, so the server listens meanwhile and readers' requests, and the timers
/// that read the store, wait here for it instead.
/// </summary>
/// <param name="bringUp">The work; the site's is <see cref="OnceAtStart.RunAsync"/> on its services.</param>
public sealed class StoreStartup(Func<Task> bringUp)
{
    private readonly Lazy<Task> work = new(() => Task.Run(bringUp));

    /// <summary>Done once the store is up to date; the first to ask starts the work.</summary>
    public Task Ready => work.Value;
}
