namespace QuettaVoice.Web.Hosting;

/// <summary>
/// The folder the site reads its settings file (<c>appsettings.json</c>) and its content from. ASP.NET Core takes the
/// folder it was started in, so the published site started from anywhere else (a shell in another folder, a service
/// manager that starts in /) ran without its settings file: with the framework's own logging at full volume, every
/// SQL command and five lines a request (about 12 KB of log per story page and half its processor time, on a
/// 10,000-story archive), and none of the paper's settings. Started so, it reads them from the folder it was
/// published to. A folder named for it (<c>ASPNETCORE_CONTENTROOT</c>, <c>--contentRoot</c>) is left to the host.
/// </summary>
public static class ContentRoot
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The executable's own folder when the folder it was started in has no settings file and that one has; else null, the host's choice.</summary>
    public static string? For(IReadOnlyList<string> args)
    {
        var named = args.Any(arg => arg.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return !named
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, SettingsFile))
                ? AppContext.BaseDirectory
                : null;
    }
}
