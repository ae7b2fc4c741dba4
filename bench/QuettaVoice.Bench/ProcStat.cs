using System.Globalization;

namespace QuettaVoice.Bench;

/// <summary>A process's CPU accounting as /proc/PID/stat gives it.</summary>
public sealed record ProcStat(int ParentId, TimeSpan OwnCpu, TimeSpan EndedChildrenCpu)
{
    /// <summary>The process's line now; null once it has ended (or cannot be read).</summary>
    public static ProcStat? Read(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcStat(
            (int)Field(4),
            Ticks(Field(14) + Field(15)),
            Ticks(Field(16) + Field(17)));
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond.Value);

    private static readonly Lazy<long> ClockTicksPerSecond = new(() =>
    {
        var run = CommandRun.RunAsync("getconf", ["CLK_TCK"]).GetAwaiter().GetResult();
        return run.ExitCode == 0 && long.TryParse(run.Output.Trim(), CultureInfo.InvariantCulture, out var ticks) ? ticks : 100;
    });
}
