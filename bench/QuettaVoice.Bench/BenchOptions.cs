using System.Globalization;

namespace QuettaVoice.Bench;

/// <summary>What to measure and how hard; <c>--quick</c> shrinks everything for a look while working on the site.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: bench/run [--quick] [--rounds N] [--import-rounds N] [--duration SECONDS] [--warmup SECONDS] [--settle SECONDS] [--connections N]
                         [--stories N] [--small N] [--large N] [--comments N] [--import-files N]
                         [--query "two words"] [--common-query "two words"] [--seed N] [--regenerate] [--generate-only] [--skip-import] [--postgres] [--output FILE]
          --stories       the main archive (10000); --small and --large the archives for the scaling check (1000, 100000)
          --comments      approved comments in the main archive (100000), scaled with the other archives' sizes
          --query         the search measured on the main and the large archive ("gwadar port": at 100,000 stories its
                          headline matches fill a page)
          --common-query  a search for common words, measured at the large size ("education reforms": its headline
                          matches do not fill a page, so every one of its tens of thousands of matches is scored)
          --settle        seconds of load on each page once before the first round, so the JIT has compiled the hot code (8)
          --import-rounds rounds that also time the import of the story files (1: it takes minutes, not seconds)
          --regenerate    rebuild the cached archives and story files in bench/.data/
          --generate-only make the archives and story files, measure nothing
          --postgres      also serve the main and the large archive from PostgreSQL (a copy of each, kept between runs) and
                          measure their uncached pages there: a local throwaway server (tools/test-services), or the
                          server QV_BENCH_POSTGRES names ("Host=...;Username=...")
          --quick         1 round of 3 s runs over 1000 / 200 / 5000 stories and 500 story files
        """;

    public int Rounds { get; init; } = 3;
    public int DurationSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 2;
    /// <summary>Seconds of load on each page once, before the first round: the site's hot code is compiled by then.</summary>
    public int SettleSeconds { get; init; } = 8;
    public int Connections { get; init; } = 32;
    public int Threads { get; init; } = 2;
    public int Stories { get; init; } = 10_000;
    public int SmallStories { get; init; } = 1_000;
    public int LargeStories { get; init; } = 100_000;
    public int Comments { get; init; } = 100_000;
    public int SeedStoryComments { get; init; } = 200;
    public int Authors { get; init; } = 50;
    public int Sections { get; init; } = 12;
    public int ImportFiles { get; init; } = 10_000;

    /// <summary>The import takes minutes where a page takes milliseconds; timing it once keeps a full run near 15 minutes.</summary>
    public int ImportRounds { get; init; } = 1;
    public int WordsPerStory { get; init; } = 800;
    public string SearchQuery { get; init; } = "gwadar port";

    /// <summary>Words in a quarter of the large archive's stories but in few headlines, so a search scores every match.</summary>
    public string CommonSearchQuery { get; init; } = "education reforms";
    public int Seed { get; init; } = 20250703;
    public bool Regenerate { get; init; }
    public bool SkipImport { get; init; }
    public bool GenerateOnly { get; init; }
    public bool Quick { get; init; }

    /// <summary>Whether the uncached pages are measured on PostgreSQL copies of the archives as well.</summary>
    public bool Postgres { get; init; }
    public string Output { get; init; } = Path.Combine("bench", "results", "latest.json");

    /// <summary>Comments in an archive of <paramref name="stories"/>: the main archive's share per story.</summary>
    public int CommentsFor(int stories) => (int)Math.Round((double)Comments * stories / Stories);

    public static BenchOptions? Parse(string[] args, out string? error)
    {
        var options = args.Contains("--quick")
            ? new BenchOptions
            {
                Quick = true, Rounds = 1, DurationSeconds = 3, WarmupSeconds = 1, SettleSeconds = 2,
                Stories = 1_000, SmallStories = 200, LargeStories = 5_000, Comments = 10_000, ImportFiles = 500,
            }
            : new BenchOptions();

        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            switch (flag)
            {
                case "--quick":
                    continue;
                case "--regenerate":
                    options = options with { Regenerate = true };
                    continue;
                case "--generate-only":
                    options = options with { GenerateOnly = true };
                    continue;
                case "--skip-import":
                    options = options with { SkipImport = true };
                    continue;
                case "--postgres":
                    options = options with { Postgres = true };
                    continue;
                case "--query" or "--common-query" or "--output" when i + 1 < args.Length:
                    var text = args[++i];
                    options = flag switch
                    {
                        "--query" => options with { SearchQuery = text },
                        "--common-query" => options with { CommonSearchQuery = text },
                        _ => options with { Output = text },
                    };
                    continue;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                error = i + 1 >= args.Length || !flag.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown or incomplete option {flag}"
                    : $"{flag} needs a positive whole number";
                return null;
            }

            i++;
            BenchOptions? next = flag switch
            {
                "--rounds" => options with { Rounds = number },
                "--import-rounds" => options with { ImportRounds = number },
                "--duration" => options with { DurationSeconds = number },
                "--warmup" => options with { WarmupSeconds = number },
                "--settle" => options with { SettleSeconds = number },
                "--connections" => options with { Connections = number },
                "--stories" => options with { Stories = number },
                "--small" => options with { SmallStories = number },
                "--large" => options with { LargeStories = number },
                "--comments" => options with { Comments = number },
                "--import-files" => options with { ImportFiles = number },
                "--seed" => options with { Seed = number },
                _ => null,
            };
            if (next is null)
            {
                error = $"unknown option {flag}";
                return null;
            }

            options = next;
        }

        error = null;
        return options;
    }
}
