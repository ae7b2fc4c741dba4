using System.IO.Compression;
using System.Text;

namespace QuettaVoice.Bench;

/// <summary>The seed story page's weight as served and as the site sends it with gzip and Brotli, at their fastest levels.</summary>
public sealed record StoryPageSize(int Bytes, int GzipBytes, int BrotliBytes)
{
    public static StoryPageSize Of(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        return new StoryPageSize(bytes.Length, Compressed(bytes, s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)), Compressed(bytes, s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)));
    }

    private static int Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return (int)output.Length;
    }
}
