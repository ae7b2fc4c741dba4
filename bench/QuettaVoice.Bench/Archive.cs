using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Bench;

/// <summary>
/// A generated archive ready to serve: its data folder, its size and the seed story's address in it. Served from its
/// SQLite file, or from a PostgreSQL copy of it when <see cref="PostgresConnection"/> is set (the data folder still
/// holds the key ring and media, as it does for PostgreSQL-backed instances).
/// </summary>
public sealed record Archive(string DataDirectory, int Stories, int Comments, string SeedStoryPath)
{
    public string DatabasePath => Path.Combine(DataDirectory, "quettavoice.db");

    /// <summary>The connection string of the archive's PostgreSQL copy; null when it is served from SQLite.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>The settings that point the site at this archive's store.</summary>
    public IReadOnlyDictionary<string, string> StoreSettings => PostgresConnection is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = PostgresConnection };

    /// <summary>
    /// Deletes the site's key ring, so the next start makes a new key as the build under test makes them. A key
    /// keeps the algorithm it was made with for its 90 days: one kept with the archive would have the cookies and
    /// form tokens of every run sealed as the build that generated the archive sealed them.
    /// </summary>
    public void DropKeyRing()
    {
        var keys = Path.Combine(DataDirectory, SharedStateServices.KeyRingFolderName);
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }
    }
}
