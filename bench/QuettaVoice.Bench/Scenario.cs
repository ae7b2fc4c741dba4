namespace QuettaVoice.Bench;

/// <summary>One address loaded with wrk, on the server process (cached or not) of one archive.</summary>
public sealed record Scenario(string Key, string Title, Archive Archive, bool Cached, string Path, bool Optional = false)
{
    public string ServerKey => ServerKeyFor(Archive.Stories, Cached);

    public static string ServerKeyFor(int stories, bool cached) => $"{stories}-stories-{(cached ? "cached" : "uncached")}";
}
