using System.Globalization;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Import;

/// <summary><c>import PATH... [--title T] [--author NAME] [--section NAME] [--published TIME] [--dry-run]</c></summary>
public static class ImportCommand
{
    public const string Name = "import";

    public const string Usage =
        "usage: import PATH... [--title TEXT] [--author NAME] [--section NAME] [--published \"yyyy-MM-dd HH:mm\"] [--dry-run]\n"
        + "  PATH is a .txt file or a folder of them. --published is in the newsroom's zone unless it ends in Z or +hh:mm.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var zone = services.GetRequiredService<IOptions<SiteOptions>>().Value.FindTimeZone();
        if (Parse(args, zone, out var error) is not { } request)
        {
            await errors.WriteLineAsync($"import: {error}\n{Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var result = await scope.ServiceProvider.GetRequiredService<StoryImporter>().ImportAsync(request, output);
        var verb = request.DryRun ? "Would import" : "Imported";
        await output.WriteLineAsync($"{verb} {result.Imported}, skipped {result.Skipped} already imported, {result.Failed} failed.");
        return result.Succeeded ? 0 : 1;
    }

    public static ImportRequest? Parse(string[] args, TimeZoneInfo zone, out string? error)
    {
        var paths = new List<string>();
        string? title = null, author = null, section = null;
        DateTime? published = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--dry-run")
            {
                dryRun = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                paths.Add(arg);
                continue;
            }

            if (i + 1 >= args.Length || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                error = $"{arg} needs a value";
                return null;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--title": title = value; break;
                case "--author": author = value; break;
                case "--section": section = value; break;
                case "--published":
                    published = ParseTime(value, zone);
                    if (published is null)
                    {
                        error = $"--published \"{value}\" is not a date and time";
                        return null;
                    }

                    break;
                default:
                    error = $"unknown option {arg}";
                    return null;
            }
        }

        if (paths.Count == 0)
        {
            error = "no file or folder to import";
            return null;
        }

        error = null;
        return new ImportRequest(paths) { Title = title, Author = author, Section = section, PublishedAt = published, DryRun = dryRun };
    }

    /// <summary>UTC for a time given with an offset, or for a newsroom wall-clock time given without one.</summary>
    public static DateTime? ParseTime(string value, TimeZoneInfo zone)
    {
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z')
            || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? withOffset.UtcDateTime
                : null;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)
            : null;
    }
}
