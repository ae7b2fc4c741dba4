namespace QuettaVoice.Web.Media;

/// <summary>The kinds of picture the newsroom may upload, known by their first bytes, never by a file's name.</summary>
public sealed record ImageFormat(string Name, string FileExtension, string ContentType)
{
    public static readonly ImageFormat Jpeg = new("JPEG", "jpg", "image/jpeg");
    public static readonly ImageFormat Png = new("PNG", "png", "image/png");
    public static readonly ImageFormat WebP = new("WebP", "webp", "image/webp");
    public static readonly ImageFormat Gif = new("GIF", "gif", "image/gif");

    public static readonly IReadOnlyList<ImageFormat> All = [Jpeg, Png, WebP, Gif];

    /// <summary>GIF and WebP may move; their frames are kept together.</summary>
    public bool MayBeAnimated => this == Gif || this == WebP;

    /// <summary>The format the bytes are in, or null when they are none of the four.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }

    /// <summary>True for a Windows (MZ) or Linux (ELF) program, so a refusal can say what the file really is.</summary>
    public static bool IsProgram(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("MZ"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]);
}
