namespace QuettaVoice.Web.Domain;

/// <summary>
/// An uploaded picture in the newsroom's library. The upload itself is not kept: only copies re-encoded
/// without metadata, one per width in <see cref="VariantWidths"/>, named after the upload's SHA-256 so a name
/// never changes meaning and can be cached for good.
/// </summary>
public sealed class MediaItem
{
    public const int OriginalFileNameMaxLength = 255;
    public const int AltTextMaxLength = 300;

    /// <summary>Hex characters of the hash in a file name: 128 bits, short enough to read, too many to collide.</summary>
    private const int FileNameHashLength = 32;

    public int Id { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lowercase hex: the same picture uploaded twice is one item.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The name on the uploader's computer, shown in the library only; never used for a path.</summary>
    public required string OriginalFileName { get; set; }

    public required string ContentType { get; set; }
    public required string FileExtension { get; set; }

    /// <summary>Pixels of the upload, after turning it the way its camera said it was held.</summary>
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Ascending; the last is the widest copy there is.</summary>
    public List<int> VariantWidths { get; set; } = [];

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }

    /// <summary>What a story shows to a reader who cannot see the picture, unless the story says otherwise.</summary>
    public string? AltText { get; set; }

    public string FileName(int width) => $"{Sha256[..FileNameHashLength]}-{width}.{FileExtension}";

    /// <summary>The height of the copy <paramref name="width"/> pixels wide, the picture's proportions kept.</summary>
    public int HeightAt(int width) => Width == 0 ? 0 : Math.Max(1, (int)Math.Round((double)Height * width / Width));
}
