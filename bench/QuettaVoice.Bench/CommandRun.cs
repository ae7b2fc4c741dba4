using System.Diagnostics;

namespace QuettaVoice.Bench;

/// <summary>How a command the benchmark ran ended: its exit code, its wall-clock time and its output.</summary>
public sealed record CommandRun(int ExitCode, TimeSpan Elapsed, string Output)
{
    /// <summary>Runs to the end, keeping stdout and stderr together (wrk and the site's commands both print little).</summary>
    public static async Task<CommandRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        return new CommandRun(process.ExitCode, elapsed, await stdout + await stderr);
    }
}
