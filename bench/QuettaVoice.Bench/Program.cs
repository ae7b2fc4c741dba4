using System.Text.Json;
using QuettaVoice.Bench;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

if (BenchOptions.Parse(args, out var error) is not { } options)
{
    Console.Error.WriteLine($"bench: {error}\n{BenchOptions.Usage}");
    return 2;
}

var workspace = Workspace.Find();
if (!File.Exists(workspace.SiteExecutable))
{
    Console.Error.WriteLine($"bench: no published site at {workspace.SiteExecutable}; bench/run publishes it.");
    return 2;
}

var benchmark = new Benchmark(workspace, options);
if (options.GenerateOnly)
{
    await benchmark.PrepareAsync();
    return 0;
}

var report = await benchmark.RunAsync();
report = report with { Targets = ReportPrinter.CheckTargets(report) };
Console.WriteLine(ReportPrinter.Format(report));

var output = Path.GetFullPath(options.Output, workspace.RepositoryRoot);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    // A page that never answered within a run has no latency: NaN says so better than a made-up number.
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
}));
Console.WriteLine($"Written to {Path.GetRelativePath(workspace.RepositoryRoot, output)}");
return 0;
