using Microsoft.Extensions.FileProviders;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// The benchmark's yardstick: saved pages served as plain files by this same server and pipeline, so a page's
/// speed can be read against the fastest answer the server gives on the same machine. Off unless
/// <c>Bench:StaticDirectory</c> names a folder, which a running newspaper never does.
/// </summary>
public static class BenchmarkStaticFiles
{
    public const string SettingName = "Bench:StaticDirectory";
    public const string RequestPath = "/bench-static";

    public static IApplicationBuilder UseBenchmarkStaticFiles(this WebApplication app)
    {
        var folder = app.Configuration[SettingName];
        return string.IsNullOrWhiteSpace(folder)
            ? app
            : app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = RequestPath,
                FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
            });
    }
}
