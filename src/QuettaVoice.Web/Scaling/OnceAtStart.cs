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
        var initializer = provider.GetRequiredService<DatabaseInitializer>();
        var accounts = provider.GetRequiredService<NewsroomAccounts>();
        // Almost every start is a restart with nothing to do: a look that only reads, without the lock, lets
        // it (and every instance of a rolling restart) go straight to serving. The look ends at the first admin,
        // the last step below, so it never passes over work another instance is still doing.
        if (await initializer.IsUpToDateAsync(cancellationToken) && await accounts.HasFirstAdminAsync())
        {
            return;
        }

        await using (await StartupLock.AcquireAsync(db, provider.GetRequiredService<DataFolder>(), cancellationToken))
        {
            // Each step looks at the store before it writes, so an instance that waited finds the work done.
            await initializer.InitializeAsync(cancellationToken);
            await accounts.EnsureFirstAdminAsync();
        }
    }
}
