using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Scaling;

/// <summary>The start-up work that must happen once however many instances start together.</summary>
public static class OnceAtStart
{
    /// <summary>Brings the store up to date, fills an empty one with the seed stories and makes the first admin.</summary>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<NewsDb>();
        await using (await StartupLock.AcquireAsync(db, provider.GetRequiredService<DataFolder>(), cancellationToken))
        {
            // Each step looks at the store before it writes, so an instance that waited finds the work done.
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            await provider.GetRequiredService<NewsroomAccounts>().EnsureFirstAdminAsync();
        }
    }
}
