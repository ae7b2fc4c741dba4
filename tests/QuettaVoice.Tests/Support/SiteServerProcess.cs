using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// The site's executable running as a server, started as a service manager starts it: in a folder of its own
/// choosing, not the one the site was built to. It listens on a free port of 127.0.0.1, which it says as it starts.
/// </summary>
public sealed partial class SiteServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines;

    private SiteServerProcess(Process process, ConcurrentQueue<string> lines, Uri baseAddress)
    {
        this.process = process;
        this.lines = lines;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    /// <summary>Starts the site in <paramref name="workingDirectory"/> on the store given, and waits until it says it is ready.</summary>
    public static async Task<SiteServerProcess> StartAsync(string workingDirectory, string dataDirectory, TestDatabase database)
    {
        var start = SiteExecutable.StartInfo(workingDirectory, dataDirectory, database, seed: false, ["--urls=http://127.0.0.1:0"]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            lines.Enqueue(text);
            if (ListeningOn().Match(text) is { Success: true } address)
            {
                listening.TrySetResult(new Uri(address.Groups["address"].Value));
            }
        };
        process.ErrorDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromMinutes(1));
            if (first != listening.Task)
            {
                throw new InvalidOperationException("The site stopped as it started:\n" + string.Join('\n', lines));
            }

            var site = new SiteServerProcess(process, lines, await listening.Task);
            try
            {
                await site.WaitUntilReadyAsync();
            }
            catch (OperationCanceledException)
            {
                site.Client.Dispose();
                throw new InvalidOperationException("The site never became ready:\n" + string.Join('\n', lines));
            }

            return site;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asks the health check until it answers 200, as a proxy or a monitor would: the site listens before its store is
    /// up, and answers 503 meanwhile, which on a busy machine (migrating a new store) can last longer than a page waits.
    /// </summary>
    private async Task WaitUntilReadyAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var health = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>Stops the site; everything it wrote, its log.</summary>
    public async Task<string> StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        process.Dispose();
    }

    // Kestrel's line, as the site logs it in production: one JSON object, the address quoted within the message.
    [GeneratedRegex(@"Now listening on: \\""(?<address>http://[^\\""]+)\\""")]
    private static partial Regex ListeningOn();
}
