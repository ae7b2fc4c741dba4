using System.Globalization;
using System.Text.RegularExpressions;

namespace QuettaVoice.Bench;

/// <summary>What one wrk run reported, read from its <c>--latency</c> output.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Errors)
{
    public static WrkResult Parse(string output)
    {
        var rate = RequestsPerSecondLine().Match(output);
        var p50 = PercentileLine("50").Match(output);
        var p99 = PercentileLine("99").Match(output);
        var total = RequestsLine().Match(output);
        if (!rate.Success || !p50.Success || !p99.Success || !total.Success)
        {
            throw new FormatException($"unexpected wrk output:\n{output}");
        }

        var non2xx = Non2xxLine().Match(output);
        var socketErrors = SocketErrorsLine().Match(output);
        var errors = (non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (socketErrors.Success ? socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        var requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        // With no answer completed wrk prints zero latencies; they mean "slower than the run", not "instant".
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            requests == 0 ? double.NaN : Milliseconds(p50),
            requests == 0 ? double.NaN : Milliseconds(p99),
            requests,
            errors);
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new FormatException($"unknown wrk time unit {unit}"),
        };
    }

    private static Regex PercentileLine(string percent) =>
        new($@"^\s*{percent}%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
