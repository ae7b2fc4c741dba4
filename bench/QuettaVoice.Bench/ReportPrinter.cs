using System.Globalization;
using System.Text;

namespace QuettaVoice.Bench;

/// <summary>The issue's targets checked against a run, and the run as a table for a person.</summary>
public static class ReportPrinter
{
    public const double MegaByte = 1024 * 1024;

    public static IReadOnlyList<TargetCheck> CheckTargets(BenchReport report)
    {
        var options = report.Options;
        var byKey = report.Scenarios.Where(s => s.Available && s.Rounds.Count > 0).ToDictionary(s => s.Key);
        var staticFile = byKey.GetValueOrDefault("static");
        var checks = new List<TargetCheck>();

        void Ratio(string key, double atLeast, string target)
        {
            var scenario = byKey.GetValueOrDefault(key);
            var ratio = scenario is null || staticFile is null ? double.NaN : scenario.RequestsPerSecond / staticFile.RequestsPerSecond;
            checks.Add(new TargetCheck(target, double.IsNaN(ratio) ? "not measured" : F($"{ratio:0.00}× static"), double.IsNaN(ratio) ? null : ratio >= atLeast));
        }

        void P99(string key, double atMost, string target)
        {
            var scenario = byKey.GetValueOrDefault(key);
            checks.Add(scenario is null
                ? new TargetCheck(target, "not measured", null)
                : !double.IsFinite(scenario.P99Milliseconds)
                    ? new TargetCheck(target, "no answer within the run", false)
                    : new TargetCheck(target, F($"{scenario.P99Milliseconds:0.0} ms"), scenario.P99Milliseconds <= atMost));
        }

        void Scaling(string page, string smallKey, string largeKey)
        {
            var small = byKey.GetValueOrDefault(smallKey);
            var large = byKey.GetValueOrDefault(largeKey);
            var target = F($"{page} at {options.LargeStories:N0} stories within 1.2× of {options.SmallStories:N0} (CPU per request)");
            if (small is null || large is null)
            {
                checks.Add(new TargetCheck(target, "not measured", null));
                return;
            }

            var cpu = large.CpuMillisecondsPerRequest / small.CpuMillisecondsPerRequest;
            var p50 = large.P50Milliseconds / small.P50Milliseconds;
            checks.Add(double.IsFinite(cpu)
                ? new TargetCheck(target, F($"{cpu:0.00}× CPU, {p50:0.00}× p50"), cpu <= 1.2)
                : new TargetCheck(target, "no answer within the run", false));
        }

        Ratio("story-cached", 0.8, "cached story ≥ 0.8× static req/s");
        Ratio("story-cached-browser", 0.8, "cached story, Brotli as browsers ask, ≥ 0.8× static req/s");
        Ratio("story-uncached", 0.25, F($"uncached story ({options.SeedStoryComments} comments) ≥ 0.25× static req/s"));
        P99("story-uncached", 25, "uncached story p99 ≤ 25 ms");
        P99("front-uncached", 25, "uncached front page p99 ≤ 25 ms");
        // Search is measured as readers get it (a query asked again is cached) and as its first reader does.
        P99("search-cached-large", 50, F($"search p99 ≤ 50 ms at {options.LargeStories:N0} stories, cached"));
        P99("search-uncached-large", 50, F($"search p99 ≤ 50 ms at {options.LargeStories:N0} stories, uncached"));
        P99("search-common-uncached-large", 50, F($"search p99 ≤ 50 ms at {options.LargeStories:N0} stories, uncached, common words"));
        Scaling("story page", "story-uncached-small", "story-uncached-large");
        Scaling("front page", "front-uncached-small", "front-uncached-large");
        // 20 s for 10,000 files; fewer files get their share of it, and a second for the command to start, which
        // their share alone would not cover (500 files: 1 s, of which starting takes about 0.7).
        var importLimit = 20.0 * options.ImportFiles / 10_000 + (options.ImportFiles < 10_000 ? 1 : 0);
        var importTarget = options.ImportFiles < 10_000
            ? F($"import of {options.ImportFiles:N0} files ≤ {importLimit:0.#} s (their share of 20 s, and 1 s to start)")
            : F($"import of {options.ImportFiles:N0} files ≤ {importLimit:0.#} s");
        checks.Add(report.ImportSeconds.Count == 0
            ? new TargetCheck(importTarget, "skipped", null)
            : new TargetCheck(importTarget, F($"{report.ImportMedianSeconds:0.0} s"), report.ImportMedianSeconds <= importLimit));
        checks.Add(new TargetCheck("cold start ≤ 1.5 s", F($"{report.ColdStartMedianSeconds:0.00} s"), report.ColdStartMedianSeconds <= 1.5));
        var peak = report.MainPeakWorkingSetBytes / MegaByte;
        checks.Add(new TargetCheck("peak working set under load ≤ 200 MB", F($"{peak:0} MB"), peak <= 200));
        var crawled = report.Crawl.PeakWorkingSetBytes / MegaByte;
        checks.Add(new TargetCheck(F($"peak working set ≤ 200 MB after a crawler reads all {report.Crawl.Stories:N0} stories"), F($"{crawled:0} MB"), crawled <= 200));
        // The budget is for what a reader's browser receives: the larger of the two encodings it may be sent.
        var weight = Math.Max(report.StoryPage.GzipBytes, report.StoryPage.BrotliBytes) / 1024.0;
        checks.Add(new TargetCheck(F($"story page ({options.SeedStoryComments} comments) < 14 KB compressed"), F($"{weight:0.0} KB"), weight < 14));
        var view = report.FirstView;
        checks.Add(new TargetCheck("stylesheets < 10 KB compressed", F($"{view.StylesheetBytes / 1024.0:0.0} KB"), view.StylesheetBytes < 10 * 1024));
        checks.Add(new TargetCheck("first view of the story, without images, ≤ 100 KB", F($"{view.Bytes / 1024.0:0.0} KB"), view.Bytes <= 100 * 1024));
        checks.Add(new TargetCheck("no web font to read, no render-blocking script", F($"{view.WebFonts} fonts, {view.BlockingScripts} blocking scripts"), view.WebFonts == 0 && view.BlockingScripts == 0));
        return checks;
    }

    public static string Format(BenchReport report)
    {
        var options = report.Options;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(F($"Quetta Voice benchmark, commit {report.Commit}, {report.Cores} cores, load average at start {report.LoadAverageAtStart}"));
        text.AppendLine(F($"{options.Stories:N0} stories and {options.Comments:N0} comments; scaling at {options.SmallStories:N0} and {options.LargeStories:N0} stories; ")
            + F($"median of {options.Rounds} interleaved round(s); wrk -t{options.Threads} -c{options.Connections} -d{options.DurationSeconds}s"));
        if (report.PostgresCpuCounted is { } counted)
        {
            text.AppendLine(counted
                ? "PostgreSQL pages: CPU per request is the site's and the database server's together (both on this machine)"
                : "PostgreSQL pages: the database server runs elsewhere; CPU per request is the site's alone");
        }

        text.AppendLine();

        var staticFile = report.Scenarios.FirstOrDefault(s => s.Key == "static" && s.Available && s.Rounds.Count > 0);
        text.AppendLine(F($"{"scenario",-48} {"stories",8} {"req/s",9} {"×static",8} {"p50 ms",8} {"p99 ms",8} {"CPU µs/req",11} {"CPU ×static",11}"));
        foreach (var scenario in report.Scenarios)
        {
            var title = scenario.Title.Length > 48 ? scenario.Title[..47] + "…" : scenario.Title;
            if (!scenario.Available || scenario.Rounds.Count == 0 || !double.IsFinite(scenario.P50Milliseconds))
            {
                var note = scenario.Note ?? (scenario.Rounds.Count == 0 ? "not measured" : F($"no answer within a {options.DurationSeconds} s run"));
                text.AppendLine(F($"{title,-48} {scenario.Stories,8:N0} {note}"));
                continue;
            }

            var rateRatio = staticFile is null ? double.NaN : scenario.RequestsPerSecond / staticFile.RequestsPerSecond;
            var cpuRatio = staticFile is null ? double.NaN : scenario.CpuMillisecondsPerRequest / staticFile.CpuMillisecondsPerRequest;
            // A page measured beside other load has no CPU of its own to show.
            var cpu = double.IsFinite(cpuRatio) ? F($"{scenario.CpuMillisecondsPerRequest * 1000,11:0} {cpuRatio,11:0.0}") : F($"{"–",11} {"–",11}");
            text.Append(F($"{title,-48} {scenario.Stories,8:N0} {scenario.RequestsPerSecond,9:0} {rateRatio,8:0.00} {scenario.P50Milliseconds,8:0.00} {scenario.P99Milliseconds,8:0.00} {cpu}"));
            text.AppendLine(scenario.Errors > 0 ? F($"  ({scenario.Errors} errors)") : "");
        }

        text.AppendLine();
        text.AppendLine(F($"{"figure",-48} value"));
        text.AppendLine(F($"{"cold start: process start to first story page",-48} {report.ColdStartMedianSeconds:0.00} s"));
        text.AppendLine(report.ImportSeconds.Count == 0
            ? F($"{"import of story files",-48} skipped")
            : F($"{$"import of {report.ImportedFiles:N0} story files (the real command)",-48} {report.ImportMedianSeconds:0.0} s"));
        foreach (var (server, memory) in report.Memory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(F($"{$"peak working set, {server}",-48} {memory}"));
        }

        text.AppendLine(F($"{"a crawl of every story, 4 at a time: time; peak",-48} {report.Crawl.Stories:N0} stories in {report.Crawl.Seconds:0.0} s ({report.Crawl.Failures} not 200); {report.Crawl.Memory}"));
        text.AppendLine(F($"{"story page weight as sent: plain; gzip; Brotli",-48} {report.StoryPage.Bytes / 1024.0:0.0} KB; {report.StoryPage.GzipBytes / 1024.0:0.0} KB gzip, {report.StoryPage.BrotliBytes / 1024.0:0.0} KB brotli"));
        text.AppendLine(F($"{"first view as sent: all of it; its stylesheets",-48} {report.FirstView.Bytes / 1024.0:0.0} KB; {report.FirstView.StylesheetBytes / 1024.0:0.0} KB"));
        foreach (var (words, matches) in new[] { (options.SearchQuery, report.SearchMatches), (options.CommonSearchQuery, report.CommonSearchMatches) })
        {
            text.AppendLine(F($"{$"stories matching \"{words}\"",-48} ")
                + string.Join(", ", matches.OrderBy(m => m.Key).Select(m => F($"{m.Value:N0} of {m.Key:N0}"))));
        }

        text.AppendLine();
        text.AppendLine("targets");
        foreach (var check in report.Targets)
        {
            text.AppendLine(F($"  {check.Verdict,-7} {check.Target,-72} {check.Measured}"));
        }

        return text.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
