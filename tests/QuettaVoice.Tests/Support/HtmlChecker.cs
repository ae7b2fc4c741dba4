using System.Diagnostics;
using System.Text.Json;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// The W3C's Nu HTML Checker (vnu.jar, installed by <c>npm ci</c> in tools/html-validator), run locally on saved pages.
/// Outside CI a machine without it or without Java skips the check with the reason; in CI it must run.
/// </summary>
public static class HtmlChecker
{
    private const string JarInRepository = "tools/html-validator/node_modules/vnu-jar/build/dist/vnu.jar";

    public static string? JarPath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, JarInRepository);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    public static void SkipUnlessAvailable()
    {
        if (!Browser.InCi)
        {
            Skip.If(JarPath is null, $"The HTML checker is not installed ({JarInRepository}: run npm ci in tools/html-validator); validity check skipped.");
        }
    }

    /// <summary>Every error the checker reports, as "page: line N: message".</summary>
    public static async Task<List<string>> ErrorsAsync(IReadOnlyDictionary<string, string> pagesByName)
    {
        var folder = Directory.CreateTempSubdirectory("quettavoice-html-");
        try
        {
            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-jar", JarPath ?? throw new FileNotFoundException(JarInRepository), "--errors-only", "--format", "json" })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, html) in pagesByName)
            {
                var file = Path.Combine(folder.FullName, name + ".html");
                await File.WriteAllTextAsync(file, html);
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start)!;
            var report = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            using var json = JsonDocument.Parse(await report);
            return json.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{Path.GetFileNameWithoutExtension(m.GetProperty("url").GetString())}: "
                    + $"line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
