namespace QuettaVoice.Bench;

/// <summary>Where things are: the repository, the site as published for a deploy, the seed story and the benchmark's own data.</summary>
public sealed record Workspace(string RepositoryRoot)
{
    public const string SeedStoryFileName = "000_34bce44fc3001c29.txt";

    /// <summary>
    /// The site as the README's deploy command publishes it (Release, for linux-x64: self-contained, ReadyToRun), in that
    /// command's default folder: the benchmark measures what a server runs, not a development build.
    /// </summary>
    public string SiteDirectory => Path.Combine(RepositoryRoot, "src", "QuettaVoice.Web", "bin", "Release", "net10.0", "linux-x64", "publish");
    public string SiteExecutable => Path.Combine(SiteDirectory, "QuettaVoice.Web");
    public string SeedStory => Path.Combine(RepositoryRoot, "seeds", SeedStoryFileName);

    /// <summary>The newest of the SQLite migrations (the archives are SQLite files): an archive made under an older schema is made again.</summary>
    public string LatestMigration => Directory
        .GetFiles(Path.Combine(RepositoryRoot, "src", "QuettaVoice.Web", "Data", "Migrations", "Sqlite"), "*_*.cs")
        .Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal))
        .Select(f => Path.GetFileNameWithoutExtension(f).Split('_')[0])
        .Max(StringComparer.Ordinal) ?? "none";

    /// <summary>Generated archives and story files, kept between runs (git-ignored).</summary>
    public string DataRoot => Path.Combine(RepositoryRoot, "bench", ".data");
    public string LogDirectory => Path.Combine(DataRoot, "logs");

    /// <summary>The repository holding the current folder (or this tool), found by its solution file.</summary>
    public static Workspace Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "QuettaVoice.sln")))
                {
                    return new Workspace(folder.FullName);
                }
            }
        }

        throw new InvalidOperationException("QuettaVoice.sln not found above the current folder; run the benchmark from the repository.");
    }
}
