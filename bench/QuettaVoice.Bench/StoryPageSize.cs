namespace QuettaVoice.Bench;

/// <summary>The seed story page's weight as the site sends it: to a client asking for no encoding, for gzip, and for what browsers ask.</summary>
public sealed record StoryPageSize(int Bytes, int GzipBytes, int BrotliBytes)
{
    public static async Task<StoryPageSize> MeasureAsync(SiteProcess server, string path) => new(
        await server.GetLengthAsync(path, acceptEncoding: null),
        await server.GetLengthAsync(path, "gzip"),
        await server.GetLengthAsync(path, Scenario.BrowserEncodings));
}
