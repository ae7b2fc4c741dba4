using System.Diagnostics;

namespace QuettaVoice.Tests.Support;

/// <summary>The site's own executable run as a command, as an editor or a deploy script runs it.</summary>
public static class SiteExecutable
{
    /// <summary>Runs the command on the store and data folder given; returns its exit code and all it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, TestDatabase database, bool seed, params string[] args) =>
        RunWithInputAsync(dataDirectory, database, seed, standardInput: null, args);

    /// <summary>
    /// The site started as a server would be, on a fresh store, with <paramref name="settings"/> given on its command
    /// line ("Section:Key=value"); returns how it ended, for a setting that must stop it at start. (Through
    /// WebApplicationFactory such a failure raced the factory, which could find the host already disposed.)
    /// </summary>
    public static async Task<(int ExitCode, string Output)> StartWithAsync(params string[] settings)
    {
        using var folder = new TempFolder();
        using var database = new TestDatabase(folder.Path, empty: true);
        return await RunAsync(folder.Path, database, seed: false, [.. settings.Select(setting => "--" + setting), "--urls=http://127.0.0.1:0"]);
    }

    /// <summary>The same, with <paramref name="standardInput"/> typed into the command (a password, say), when given.</summary>
    public static async Task<(int ExitCode, string Output)> RunWithInputAsync(
        string dataDirectory, TestDatabase database, bool seed, string? standardInput, params string[] args)
    {
        // Started in the data folder rather than the build output, as on a server: nothing beside the tests leaks in.
        Directory.CreateDirectory(dataDirectory);
        var start = StartInfo(dataDirectory, dataDirectory, database, seed, args);
        start.RedirectStandardInput = standardInput is not null;
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung command must not outlive the test run.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// The site's built executable run in <paramref name="workingDirectory"/> with <paramref name="args"/>, on the store and
    /// data folder given, its output read by the caller.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, string dataDirectory, TestDatabase database, bool seed, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuettaVoice.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Storage__SeedDirectory"] = seed ? "seeds" : "";
        foreach (var (name, value) in database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
