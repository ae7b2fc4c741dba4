using System.Data.Common;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Data;

/// <summary>
/// <c>migrate</c>: brings the store's schema up to date and exits, for a deploy that migrates once before it
/// starts (or restarts) its instances. Instances also migrate at start-up, one at a time, so this is optional.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length > 0)
        {
            await errors.WriteLineAsync("usage: migrate    (applies the store's pending migrations and exits)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        try
        {
            await using (await StartupLock.AcquireAsync(db, scope.ServiceProvider.GetRequiredService<DataFolder>()))
            {
                var pending = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                await output.WriteLineAsync(pending.Count == 0
                    ? "The store is up to date: no migration to apply."
                    : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            }

            return 0;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            await errors.WriteLineAsync($"migrate: the store could not be brought up to date: {e.Message}");
            return 1;
        }
    }
}
