namespace QuettaVoice.Bench;

/// <summary>
/// One address loaded with wrk, on the server process (cached or not) of one archive; with no Accept-Encoding
/// unless it names one, so every page is measured as the same uncompressed bytes as the static file. With
/// <see cref="WhileReadersSearch"/>, a <see cref="SearchCrowd"/> searches the same server meanwhile.
/// </summary>
public sealed record Scenario(string Key, string Title, Archive Archive, bool Cached, string Path, bool Optional = false, string? AcceptEncoding = null, bool WhileReadersSearch = false)
{
    /// <summary>What a current browser asks for (Chrome's header): over HTTPS it is sent Brotli.</summary>
    public const string BrowserEncodings = "gzip, deflate, br, zstd";

    public string ServerKey => (Archive.PostgresConnection is null ? "" : "postgres-") + ServerKeyFor(Archive.Stories, Cached);

    public static string ServerKeyFor(int stories, bool cached) => $"{stories}-stories-{(cached ? "cached" : "uncached")}";
}
