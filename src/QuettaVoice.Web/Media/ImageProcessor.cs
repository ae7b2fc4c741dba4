using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using NetVips;

namespace QuettaVoice.Web.Media;

/// <summary>
/// Checks an upload and makes its copies for the web: bytes in, bytes out, nothing written. Every copy is
/// re-encoded from pixels with no metadata kept, so a reporter's GPS position in a photo's EXIF never
/// reaches a reader.
/// </summary>
public static class ImageProcessor
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// A few megabytes of PNG can claim hundreds of millions of flat pixels; past this (all frames of an
    /// animation together) decoding would take the server's memory, not make a better picture.
    /// </summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The widths the story page offers the browser; a narrower upload is never enlarged.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    /// <summary>The "no limit" height for a resize by width alone: larger than any picture libvips will open.</summary>
    private const int AnyHeight = 10_000_000;

    public static readonly string TooLarge = $"The file is larger than {MaxBytes / (1024 * 1024)} MB. Save it smaller (for example 2000 pixels wide) and upload it again.";
    public const string Empty = "Choose an image to upload: no file came with the form.";
    public const string NotAnImage = "This file is not a JPEG, PNG, WebP or GIF image (its contents were checked, not its name).";
    public const string Program = "This file is a program, not an image, whatever its name says. Only JPEG, PNG, WebP and GIF images can be uploaded.";
    public const string Damaged = "The image could not be read: the file is damaged or incomplete. Export it again and upload the new file.";
    public static readonly string TooManyPixels = $"The image has more than {MaxPixels / 1_000_000} million pixels. Make it smaller and upload it again.";

    public static bool TryProcess(byte[] bytes, [NotNullWhen(true)] out ProcessedImage? image, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        image = null;
        problem = Check(bytes, out var format);
        if (problem is not null)
        {
            return false;
        }

        Libvips.Configure();
        // GIF and WebP load every frame so an animation stays one; the others have only one.
        var loadOptions = format!.MayBeAnimated ? "n=-1" : "";
        try
        {
            int width, height;
            using (var original = Image.NewFromBuffer(bytes, loadOptions, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error))
            {
                if (!IsLoadedAs(original, format))
                {
                    problem = NotAnImage;
                    return false;
                }

                if ((long)original.Width * original.Height > MaxPixels)
                {
                    problem = TooManyPixels;
                    return false;
                }

                // Decoding every pixel now finds a damaged file before any copy is made.
                _ = original.Avg();
                (width, height) = Upright(original);
            }

            var variants = new List<ImageVariant>();
            foreach (var target in VariantWidthsFor(width))
            {
                using var resized = Image.ThumbnailBuffer(bytes, target, loadOptions, height: AnyHeight, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
                variants.Add(new ImageVariant(resized.Width, resized.PageHeight, Encode(resized, format)));
            }

            image = new ProcessedImage(Convert.ToHexStringLower(SHA256.HashData(bytes)), format, width, height, variants);
            return true;
        }
        catch (VipsException)
        {
            problem = Damaged;
            return false;
        }
    }

    /// <summary>The widths to make for a picture <paramref name="width"/> pixels wide, narrowest first.</summary>
    public static IReadOnlyList<int> VariantWidthsFor(int width) =>
        [.. Widths.Where(w => w < width && w < Widths[^1]), Math.Min(width, Widths[^1])];

    private static string? Check(ReadOnlySpan<byte> bytes, out ImageFormat? format)
    {
        format = null;
        if (bytes.IsEmpty)
        {
            return Empty;
        }

        if (bytes.Length > MaxBytes)
        {
            return TooLarge;
        }

        format = ImageFormat.Detect(bytes);
        return format is not null ? null : ImageFormat.IsProgram(bytes) ? Program : NotAnImage;
    }

    /// <summary>The first bytes chose the format; the decoder libvips picked must agree, or the file is lying.</summary>
    private static bool IsLoadedAs(Image image, ImageFormat format)
    {
        var loader = image.GetTypeOf("vips-loader") != 0 ? (string)image.Get("vips-loader") : "";
        var expected = format == ImageFormat.Jpeg ? "jpegload" : format.FileExtension + "load";
        return loader.StartsWith(expected, StringComparison.Ordinal);
    }

    /// <summary>Width and height as the picture is seen: a camera held upright says so in EXIF, and the copies are turned to match.</summary>
    private static (int Width, int Height) Upright(Image image)
    {
        var orientation = image.GetTypeOf("orientation") != 0 ? Convert.ToInt32(image.Get("orientation"), CultureInfo.InvariantCulture) : 1;
        return orientation is >= 5 and <= 8 ? (image.PageHeight, image.Width) : (image.Width, image.PageHeight);
    }

    private static byte[] Encode(Image image, ImageFormat format)
    {
        const Enums.ForeignKeep nothing = Enums.ForeignKeep.None;
        if (format == ImageFormat.Jpeg)
        {
            return image.JpegsaveBuffer(q: 82, optimizeCoding: true, interlace: true, keep: nothing);
        }

        if (format == ImageFormat.Png)
        {
            return image.PngsaveBuffer(keep: nothing);
        }

        return format == ImageFormat.WebP ? image.WebpsaveBuffer(q: 80, keep: nothing) : image.GifsaveBuffer(keep: nothing);
    }

    /// <summary>
    /// libvips is loaded and set up at the first picture, not at start: loading it takes a noticeable part of a
    /// start that most starts (and every reader's page) never need.
    /// </summary>
    private static class Libvips
    {
        // Each upload is decoded once; libvips' operation cache would only hold on to its pixels.
        static Libvips() => Cache.Max = 0;

        /// <summary>Runs the static constructor, once, before the first use of libvips.</summary>
        public static void Configure()
        {
        }
    }
}
