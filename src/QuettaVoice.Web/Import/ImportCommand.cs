using System.Globalization;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Import;

/// <summary><c>import PATH... [--title T] [--author NAME] [--section NAME] [--published TIME] [--dry-run]</c></summary>
public static class ImportCommand
{
    public const string Name = "import";

    public const string Usage =
        "usage: import PATH... [--title TEXT] [--author NAME] [--section NAME] [--published \"yyyy-MM-dd HH:mm\"] [--dry-run]\n"
        + "  PATH is a .txt file or a folder of them. --published is yyyy-MM-dd[ HH:mm] in the newsroom's zone,\n"
        + "  or an exact time such as 2025-07-03T14:30+05:00.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var zone = services.GetRequiredService<IOptions<SiteOptions>>().Value.FindTimeZone();
        if (Parse(args, zone, out var error) is not { } request)
        {
            await errors.WriteLineAsync($"import: {error}\n{Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        // A dry run needs the tables to look for earlier imports, but must not add the first-run content.
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await StartupLock.WhileHeldAsync(scope.ServiceProvider, () => request.DryRun ? initializer.MigrateAsync() : initializer.InitializeAsync());
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
                case "--title" or "--author" or "--section" when NameRefusal(arg, value) is { } refusal:
                    error = refusal;
                    return null;
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

    /// <summary>
    /// Why a headline, author or section given on the command line cannot be stored as the newsroom's forms would
    /// store it, or null. Refused here, before any file is read: PostgreSQL would refuse it at the save, and SQLite
    /// would keep what no form can save again.
    /// </summary>
    private static string? NameRefusal(string flag, string value)
    {
        var longest = flag switch
        {
            "--title" => Article.HeadlineMaxLength,
            "--author" => Author.NameMaxLength,
            _ => Section.NameMaxLength,
        };
        if (value.Trim().Length > longest)
        {
            return $"{flag} is longer than {longest} characters";
        }

        var control = NoControlCharactersAttribute.FirstIn(value);
        return control < 0 ? null : $"{flag} has an invisible control character (character {control + 1})";
    }

    /// <summary>The forms <c>--published</c> takes: a newsroom date or wall-clock time, or an exact time with its offset.</summary>
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>UTC for a time given with an offset, or for a newsroom wall-clock time given without one; null for anything else.</summary>
    public static DateTime? ParseTime(string value, TimeZoneInfo zone)
    {
        var text = value.Trim();
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact.UtcDateTime;
        }

        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? WallClock.ToUtc(local, zone)
            : null;
    }
}
