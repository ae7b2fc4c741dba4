using System.Globalization;

namespace QuettaVoice.Bench;

/// <summary>Debian's wrk, the load generator: a fixed number of keep-alive connections for a fixed time.</summary>
public sealed class Wrk(BenchOptions options)
{
    /// <param name="url">The address loaded; with a script, the server its requests go to.</param>
    /// <param name="seconds">How long the load lasts.</param>
    /// <param name="acceptEncoding">The Accept-Encoding header to send, if any.</param>
    /// <param name="script">A Lua script of wrk's that makes each request, in place of one address.</param>
    /// <param name="connections">Connections in place of the options' (on one thread of wrk's).</param>
    public async Task<WrkResult> RunAsync(Uri url, int seconds, string? acceptEncoding = null, string? script = null, int? connections = null)
    {
        var run = await CommandRun.RunAsync("wrk",
        [
            .. acceptEncoding is null ? Array.Empty<string>() : ["-H", "Accept-Encoding: " + acceptEncoding],
            .. script is null ? Array.Empty<string>() : ["-s", script],
            "-t" + (connections is null ? options.Threads : 1).ToString(CultureInfo.InvariantCulture),
            "-c" + (connections ?? options.Connections).ToString(CultureInfo.InvariantCulture),
            "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--latency",
            // wrk's default of 2 s would drop the slowest answers from the percentiles and count them as errors.
            "--timeout", "10s",
            url.AbsoluteUri,
        ]);
        return run.ExitCode == 0 ? WrkResult.Parse(run.Output) : throw new InvalidOperationException($"wrk failed on {url}:\n{run.Output}");
    }
}
