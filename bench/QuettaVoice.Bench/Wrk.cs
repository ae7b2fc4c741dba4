using System.Globalization;

namespace QuettaVoice.Bench;

/// <summary>Debian's wrk, the load generator: a fixed number of keep-alive connections for a fixed time.</summary>
public sealed class Wrk(BenchOptions options)
{
    public async Task<WrkResult> RunAsync(Uri url, int seconds, string? acceptEncoding = null)
    {
        var run = await CommandRun.RunAsync("wrk",
        [
            .. acceptEncoding is null ? Array.Empty<string>() : ["-H", "Accept-Encoding: " + acceptEncoding],
            "-t" + options.Threads.ToString(CultureInfo.InvariantCulture),
            "-c" + options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--latency",
            // wrk's default of 2 s would drop the slowest answers from the percentiles and count them as errors.
            "--timeout", "10s",
            url.AbsoluteUri,
        ]);
        return run.ExitCode == 0 ? WrkResult.Parse(run.Output) : throw new InvalidOperationException($"wrk failed on {url}:\n{run.Output}");
    }
}
