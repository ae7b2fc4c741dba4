using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

namespace QuettaVoice.Bench;

/// <summary>
/// One run: archives and story files ready, one server process per archive and cache setting, then rounds in
/// which every scenario, a cold start and an import take their turn, so a noisy minute on a shared machine
/// spoils one round of everything rather than every round of one thing.
/// </summary>
public sealed class Benchmark(Workspace workspace, BenchOptions options)
{
    private const string StaticFileName = "story.html";

    /// <summary>A start is over in two seconds, so one busy moment on a shared machine decides it: several a round steady the median.</summary>
    private const int ColdStartsPerRound = 3;

    private readonly Wrk wrk = new(options);

    /// <summary>The search crowd's script, written at the start of a run.</summary>
    private string searchCrowdScript = "";

    /// <summary>The CPU of the PostgreSQL server the copies are served from, when it runs on this machine.</summary>
    private PostgresServerCpu? postgresCpu;

    /// <summary>The archives of every size and the story files for the import, made now unless already kept.</summary>
    public async Task<(Dictionary<int, Archive> Archives, string? StoryFiles)> PrepareAsync()
    {
        var generator = new ArchiveGenerator(workspace, options);
        var archives = new Dictionary<int, Archive>();
        foreach (var size in new[] { options.Stories, options.SmallStories, options.LargeStories }.Distinct())
        {
            archives[size] = await generator.EnsureAsync(size);
        }

        var storyFiles = options.SkipImport ? null : await new StoryFiles(workspace, options).EnsureAsync(options.ImportFiles);
        return (archives, storyFiles);
    }

    public async Task<BenchReport> RunAsync()
    {
        var loadAverage = (await File.ReadAllTextAsync("/proc/loadavg")).Trim();
        var (archives, storyFiles) = await PrepareAsync();
        var main = archives[options.Stories];
        var large = archives[options.LargeStories];
        (Archive Main, Archive Large)? copies = options.Postgres ? await OnPostgresAsync(main, large) : null;
        var scenarios = Scenarios(main, archives[options.SmallStories], large, await Listings.BusiestAsync(main), copies);
        searchCrowdScript = await SearchCrowd.WriteScriptAsync(workspace);
        foreach (var archive in archives.Values)
        {
            archive.DropKeyRing();
        }

        var staticDirectory = Path.Combine(workspace.DataRoot, "static");
        Directory.CreateDirectory(staticDirectory);
        var servers = new Dictionary<string, SiteProcess>();
        try
        {
            foreach (var group in scenarios.GroupBy(s => s.ServerKey))
            {
                var first = group.First();
                var settings = new Dictionary<string, string>(first.Archive.StoreSettings) { ["Bench__StaticDirectory"] = staticDirectory };
                if (!first.Cached)
                {
                    settings["OutputCache__Enabled"] = "false";
                }

                servers[group.Key] = SiteProcess.Start(workspace, first.Archive.DataDirectory, group.Key, settings);
            }

            foreach (var (key, server) in servers)
            {
                var archive = scenarios.First(s => s.ServerKey == key).Archive;
                await server.WaitForAsync(archive.SeedStoryPath, TimeSpan.FromMinutes(2));
            }

            var mainCached = servers[Scenario.ServerKeyFor(main.Stories, cached: true)];
            var (_, storyHtml) = await mainCached.GetAsync(main.SeedStoryPath);
            await File.WriteAllTextAsync(Path.Combine(staticDirectory, StaticFileName), storyHtml);

            var unavailable = new Dictionary<string, string>();
            foreach (var scenario in scenarios)
            {
                var (status, _) = await servers[scenario.ServerKey].GetAsync(scenario.Path);
                if (status != HttpStatusCode.OK)
                {
                    unavailable[scenario.Key] = scenario.Optional && status == HttpStatusCode.NotFound
                        ? "not available (404)"
                        : throw new InvalidOperationException($"{scenario.Path} answered {(int)status} before any load; see bench/.data/logs/");
                }
            }

            // A running site has compiled its hot code long ago; the first seconds of load measure the JIT instead.
            Console.WriteLine($"Settling: {options.SettleSeconds} s of load on each page");
            foreach (var scenario in scenarios.Where(s => !unavailable.ContainsKey(s.Key)))
            {
                await wrk.RunAsync(servers[scenario.ServerKey].Url(scenario.Path), options.SettleSeconds, scenario.AcceptEncoding);
            }

            var rounds = scenarios.ToDictionary(s => s.Key, _ => new List<ScenarioRound>());
            var coldStarts = new List<double>();
            var imports = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.WriteLine($"Round {round} of {options.Rounds}");
                for (var start = 0; start < ColdStartsPerRound; start++)
                {
                    await WaitUntilIdleAsync(servers.Values);
                    coldStarts.Add(await ColdStartAsync(main));
                    Console.WriteLine($"  cold start                         {coldStarts[^1]:0.000} s");
                }

                foreach (var scenario in scenarios.Where(s => !unavailable.ContainsKey(s.Key)))
                {
                    var measured = await MeasureAsync(servers[scenario.ServerKey], servers.Values, scenario, round);
                    rounds[scenario.Key].Add(measured);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {scenario.Key,-34} {measured.Wrk.RequestsPerSecond,9:0} req/s  p50 {measured.Wrk.P50Milliseconds,7:0.00} ms  p99 {measured.Wrk.P99Milliseconds,7:0.00} ms  {(double.IsNaN(measured.CpuMillisecondsPerRequest) ? "–" : (measured.CpuMillisecondsPerRequest * 1000).ToString("0", CultureInfo.InvariantCulture)),7} µs CPU/req"));
                }

                if (storyFiles is not null && round <= options.ImportRounds)
                {
                    await WaitUntilIdleAsync(servers.Values);
                    imports.Add(await ImportAsync(storyFiles));
                    Console.WriteLine($"  import of {options.ImportFiles:N0} files{"",-14} {imports[^1]:0.0} s");
                }
            }

            // Read before the crawl, so the figure under load stays comparable with earlier runs.
            var memory = servers.ToDictionary(s => s.Key, s => s.Value.Memory());
            Console.WriteLine("A crawler reads every story of the main archive");
            var crawl = await Crawl.RunAsync(mainCached);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {crawl.Stories:N0} stories in {crawl.Seconds:0.0} s, {crawl.Failures} not answered 200; peak working set {crawl.Memory}"));

            return new BenchReport
            {
                FinishedAt = DateTimeOffset.UtcNow,
                Commit = (await CommandRun.RunAsync("git", ["rev-parse", "--short", "HEAD"], workingDirectory: workspace.RepositoryRoot)).Output.Trim(),
                Cores = Environment.ProcessorCount,
                LoadAverageAtStart = loadAverage,
                Options = options,
                Scenarios = scenarios.Select(s => new ScenarioSummary(s.Key, s.Title, s.Archive.Stories, s.Path, !unavailable.ContainsKey(s.Key), unavailable.GetValueOrDefault(s.Key), rounds[s.Key])).ToList(),
                ColdStartSeconds = coldStarts,
                ImportedFiles = storyFiles is null ? 0 : options.ImportFiles,
                ImportSeconds = imports,
                Memory = memory,
                Crawl = crawl,
                MainServerKey = $"{main.Stories}-stories-",
                StoryPage = await StoryPageSize.MeasureAsync(mainCached, main.SeedStoryPath),
                FirstView = await FirstView.MeasureAsync(mainCached, main.SeedStoryPath),
                SearchMatches = await SearchMatchesAsync(archives.Values, options.SearchQuery),
                CommonSearchMatches = await SearchMatchesAsync(archives.Values, options.CommonSearchQuery),
                PostgresCpuCounted = options.Postgres ? postgresCpu is not null : null,
            };
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>The server QV_BENCH_POSTGRES names, its CPU if it is on this machine, and the two archives copied to it.</summary>
    private async Task<(Archive Main, Archive Large)> OnPostgresAsync(Archive main, Archive large)
    {
        var server = Environment.GetEnvironmentVariable("QV_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("--postgres needs QV_BENCH_POSTGRES, the server's connection string (\"Host=...;Username=...\"); bench/run sets it when it starts a throwaway server");
        }

        postgresCpu = await PostgresServerCpu.FindAsync(server);
        Console.WriteLine(postgresCpu is null
            ? "PostgreSQL runs on another machine: its pages' CPU per request is the site's alone"
            : "PostgreSQL runs on this machine: its pages' CPU per request is the site's and the database server's together");
        var copies = new PostgresCopies(workspace, server, replace: options.Regenerate);
        return (await copies.EnsureAsync(main), await copies.EnsureAsync(large));
    }

    private List<Scenario> Scenarios(Archive main, Archive small, Archive large, Listings listings, (Archive Main, Archive Large)? copies)
    {
        var search = "/search?q=" + Uri.EscapeDataString(options.SearchQuery);
        var commonSearch = "/search?q=" + Uri.EscapeDataString(options.CommonSearchQuery);
        List<Scenario> scenarios =
        [
            new("static", "seed story as a static file (the limit)", main, Cached: true, $"/bench-static/{StaticFileName}"),
            new("story-cached", "story page, cached", main, Cached: true, main.SeedStoryPath),
            new("story-cached-browser", "story page, cached, Brotli as browsers ask", main, Cached: true, main.SeedStoryPath, AcceptEncoding: Scenario.BrowserEncodings),
            new("story-uncached", $"story page, uncached ({options.SeedStoryComments} comments)", main, Cached: false, main.SeedStoryPath),
            new("front-uncached", "front page, uncached", main, Cached: false, "/"),
            new("search-uncached", $"search \"{options.SearchQuery}\", uncached", main, Cached: false, search),
            new("feed-uncached", "RSS feed /feed, uncached", main, Cached: false, "/feed", Optional: true),
            new("section-uncached", "busiest section, uncached", main, Cached: false, listings.SectionPath),
            new("author-uncached", "busiest author, uncached", main, Cached: false, listings.AuthorPath),
            new("tag-uncached", "busiest tag, uncached", main, Cached: false, listings.TagPath),
            new("story-uncached-small", "story page, uncached", small, Cached: false, small.SeedStoryPath),
            new("front-uncached-small", "front page, uncached", small, Cached: false, "/"),
            new("story-uncached-large", "story page, uncached", large, Cached: false, large.SeedStoryPath),
            new("front-uncached-large", "front page, uncached", large, Cached: false, "/"),
            new("search-cached-large", $"search \"{options.SearchQuery}\", cached", large, Cached: true, search),
            new("search-uncached-large", $"search \"{options.SearchQuery}\", uncached", large, Cached: false, search),
            new("search-common-uncached-large", $"search \"{options.CommonSearchQuery}\", uncached", large, Cached: false, commonSearch),
            new("story-cached-searched-large", $"story page, cached, while {SearchCrowd.Readers} readers search", large, Cached: true, large.SeedStoryPath, WhileReadersSearch: true),
        ];
        if (copies is { } onPostgres)
        {
            // Every uncached page of the main and the large archive once more, from PostgreSQL: what the database's
            // own work costs shows there, beside the same page from SQLite.
            scenarios.AddRange(scenarios
                .Where(s => !s.Cached && (ReferenceEquals(s.Archive, main) || ReferenceEquals(s.Archive, large)))
                .ToList()
                .Select(s => s with
                {
                    Key = "postgres-" + s.Key,
                    Title = s.Title + ", PostgreSQL",
                    Archive = ReferenceEquals(s.Archive, main) ? onPostgres.Main : onPostgres.Large,
                }));
        }

        return scenarios;
    }

    /// <summary>A warm-up run, then a measured run between two readings of the server's CPU time.</summary>
    private async Task<ScenarioRound> MeasureAsync(SiteProcess server, IReadOnlyCollection<SiteProcess> servers, Scenario scenario, int round)
    {
        var url = server.Url(scenario.Path);
        if (scenario.WhileReadersSearch)
        {
            return await MeasureWhileReadersSearchAsync(server, servers, url, scenario, round);
        }

        await wrk.RunAsync(url, options.WarmupSeconds, scenario.AcceptEncoding);
        await WaitUntilIdleAsync(servers);
        var before = CpuTime(server, scenario);
        var result = await wrk.RunAsync(url, options.DurationSeconds, scenario.AcceptEncoding);
        var cpu = CpuTime(server, scenario) - before;
        return new ScenarioRound(round, result, result.Requests == 0 ? double.NaN : cpu.TotalMilliseconds / result.Requests);
    }

    /// <summary>The CPU a page of this scenario costs: the site's, and the database server's when it is PostgreSQL on this machine.</summary>
    private TimeSpan CpuTime(SiteProcess server, Scenario scenario) =>
        server.CpuTime() + (scenario.Archive.PostgresConnection is not null && postgresCpu is not null ? postgresCpu.CpuTime() : TimeSpan.Zero);

    /// <summary>
    /// The same runs while a crowd of readers searches new words on the same server, from before the warm-up to
    /// after the measured run. The server's CPU then pays for both loads, so none is counted against the page.
    /// </summary>
    private async Task<ScenarioRound> MeasureWhileReadersSearchAsync(SiteProcess server, IReadOnlyCollection<SiteProcess> servers, Uri url, Scenario scenario, int round)
    {
        await WaitUntilIdleAsync(servers);
        var crowd = wrk.RunAsync(server.Url("/"), options.WarmupSeconds + options.DurationSeconds + 1, script: searchCrowdScript, connections: SearchCrowd.Readers);
        await wrk.RunAsync(url, options.WarmupSeconds, scenario.AcceptEncoding);
        var result = await wrk.RunAsync(url, options.DurationSeconds, scenario.AcceptEncoding);
        var searches = await crowd;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    meanwhile {SearchCrowd.Readers} readers searched {searches.RequestsPerSecond:0} times a second, p50 {searches.P50Milliseconds:0} ms, p99 {searches.P99Milliseconds:0} ms, {searches.Errors} not answered 2xx"));
        return new ScenarioRound(round, result, double.NaN);
    }

    /// <summary>
    /// Lets every server finish what earlier load left queued before anything is timed: slow pages under load
    /// can have a whole round of connections still in hand, and after each load a server's JIT keeps one core
    /// busy for seconds recompiling the code that load made hot. Measured meanwhile, a cold start took 1.4-1.8 s
    /// instead of 1.1-1.3 s, and a scenario shared the cores with another server's compiler.
    /// </summary>
    private static async Task WaitUntilIdleAsync(IReadOnlyCollection<SiteProcess> servers)
    {
        var window = TimeSpan.FromMilliseconds(200);
        for (var tries = 0; tries < 100; tries++)
        {
            var before = TotalCpu(servers);
            await Task.Delay(window);
            if (TotalCpu(servers) - before < window / 10)
            {
                return;
            }
        }
    }

    private static TimeSpan TotalCpu(IEnumerable<SiteProcess> servers) =>
        servers.Aggregate(TimeSpan.Zero, (total, server) => total + server.CpuTime());

    /// <summary>From starting the process to the first story page it answers, on the main archive.</summary>
    private async Task<double> ColdStartAsync(Archive archive)
    {
        await using var site = SiteProcess.Start(workspace, archive.DataDirectory, "cold-start");
        return (await site.WaitForAsync(archive.SeedStoryPath, TimeSpan.FromMinutes(1))).TotalSeconds;
    }

    /// <summary>The real import command on the story files, into an empty data folder of its own.</summary>
    private async Task<double> ImportAsync(string storyFiles)
    {
        var dataDirectory = Path.Combine(workspace.DataRoot, "import-run");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        try
        {
            var run = await CommandRun.RunAsync(workspace.SiteExecutable, ["import", storyFiles],
                SiteProcess.Environment(dataDirectory), workspace.SiteDirectory);
            var expected = $"Imported {options.ImportFiles}, skipped 0 already imported, 0 failed.";
            if (run.ExitCode != 0 || !run.Output.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the import did not import every file (exit code {run.ExitCode}):\n{run.Output[^Math.Min(run.Output.Length, 2000)..]}");
            }

            return run.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<Dictionary<int, long>> SearchMatchesAsync(IEnumerable<Archive> archives, string words)
    {
        var matches = new Dictionary<int, long>();
        foreach (var archive in archives)
        {
            await using var connection = new SqliteConnection($"Data Source={archive.DatabasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            // Each word quoted, so the count is of stories holding every word, as the site's search reads them.
            var query = string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\""));
            matches[archive.Stories] = await ArchiveGenerator.ScalarAsync(connection, "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $query", ("$query", query));
        }

        return matches;
    }
}
