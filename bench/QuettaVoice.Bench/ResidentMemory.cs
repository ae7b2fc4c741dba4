using System.Globalization;

namespace QuettaVoice.Bench;

/// <summary>
/// A server's resident memory, from /proc/PID/status: its peak (VmHWM, the figure the target judges), and what the
/// memory is made of as it is read: pages of mapped files (the runtime, the site and their libraries, compiled
/// ahead), shared memory (with .NET's W^X default, the runtime's code compiled as it runs and its loaded types),
/// and anonymous memory (the collected heap and native allocations, SQLite's page caches among them).
/// </summary>
public sealed record ResidentMemory(long PeakBytes, long FileBytes, long SharedBytes, long AnonymousBytes)
{
    public static ResidentMemory Of(int processId)
    {
        var kilobytes = File.ReadLines($"/proc/{processId}/status")
            .Select(line => line.Split(':', 2))
            .Where(field => field.Length == 2)
            .ToDictionary(field => field[0], field => long.TryParse(field[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture, out var value) ? value : 0);
        // The parts are in every kernel since 4.5; without them the peak still counts, and the parts read 0.
        return new ResidentMemory(
            kilobytes["VmHWM"] * 1024,
            kilobytes.GetValueOrDefault("RssFile") * 1024,
            kilobytes.GetValueOrDefault("RssShmem") * 1024,
            kilobytes.GetValueOrDefault("RssAnon") * 1024);
    }

    /// <summary>The peak, then what the memory is made of at the end, as the report prints them.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PeakBytes / ReportPrinter.MegaByte:0} MB (at the end: files {FileBytes / ReportPrinter.MegaByte:0}, runtime code and types {SharedBytes / ReportPrinter.MegaByte:0}, heaps {AnonymousBytes / ReportPrinter.MegaByte:0})");
}
