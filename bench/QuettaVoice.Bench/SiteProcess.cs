using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QuettaVoice.Bench;

/// <summary>
/// The site as published for a deploy, running as its own process on 127.0.0.1, in Production, over one archive's data
/// folder. Its output goes to a log file so the benchmark's console stays readable and nothing blocks on a pipe.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Process process;
    private readonly Stopwatch sinceStart;

    private SiteProcess(Process process, Stopwatch sinceStart, Uri baseAddress)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Id => process.Id;

    /// <summary>
    /// The environment the site's own commands and servers get: Production, this data folder, no seed import, and the
    /// runtime's settings a deploy runs it with (README, Deploying).
    /// </summary>
    public static Dictionary<string, string> Environment(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            // The collector's budget for new objects between collections, as the deploy command sets it: .NET sizes it
            // from the processor's cache, which many virtual machines do not report, and falls
            // back to about 2 MB, so the garbage of every page or two set off a collection.
            ["DOTNET_GCgen0size"] = "0x1000000",
            ["Storage__DataDirectory"] = dataDirectory,
            ["Storage__SeedDirectory"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public static SiteProcess Start(Workspace workspace, string dataDirectory, string logName, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        Directory.CreateDirectory(workspace.LogDirectory);
        // sh replaces itself with the site (exec), so the process id is the site's own, as /proc needs.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workspace.SiteDirectory,
            ArgumentList = { "-c", "exec \"$0\" >\"$BENCH_SITE_LOG\" 2>&1", workspace.SiteExecutable },
        };
        var environment = Environment(dataDirectory, settings);
        environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        environment["Site__BaseUrl"] = baseAddress.ToString().TrimEnd('/');
        environment["BENCH_SITE_LOG"] = Path.Combine(workspace.LogDirectory, logName + ".log");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the site");
        return new SiteProcess(process, clock, baseAddress);
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Asks for <paramref name="path"/> until it answers 200; the time from process start to that answer.</summary>
    public async Task<TimeSpan> WaitForAsync(string path, TimeSpan timeout)
    {
        while (sinceStart.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the site on {BaseAddress} stopped at start with exit code {process.ExitCode}; see bench/.data/logs/");
            }

            try
            {
                using var response = await Http.GetAsync(Url(path), HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"the site on {BaseAddress} did not answer {path} within {timeout.TotalSeconds:0} s");
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(Url(path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The bytes of the body as sent, encoded as the server chose for <paramref name="acceptEncoding"/>.</summary>
    public async Task<int> GetLengthAsync(string path, string? acceptEncoding)
    {
        using var response = await SendAsync(path, acceptEncoding);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>A page read whole, as a client asking for <paramref name="acceptEncoding"/> would; its status.</summary>
    public async Task<HttpStatusCode> ReadAsync(string path, string? acceptEncoding)
    {
        using var response = await SendAsync(path, acceptEncoding);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>User plus system CPU time the process has used so far (utime + stime of /proc/PID/stat).</summary>
    public TimeSpan CpuTime() => (ProcStat.Read(Id) ?? throw new InvalidOperationException($"the site's process {Id} has ended")).OwnCpu;

    /// <summary>The process's resident memory: its peak, and what it is made of now.</summary>
    public ResidentMemory Memory() => ResidentMemory.Of(Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // A polite stop first, so SQLite closes its files as on a real shutdown.
            await CommandRun.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
