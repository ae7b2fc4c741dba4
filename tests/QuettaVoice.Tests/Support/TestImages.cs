using NetVips;

namespace QuettaVoice.Tests.Support;

/// <summary>Pictures made on the spot with the site's own image library, so no binary fixture hides what it holds.</summary>
public static class TestImages
{
    /// <summary>Hanna Lake, near Quetta: where a reporter's camera would say the photo was taken.</summary>
    public const string GpsLatitude = "30/1 14/1 2/1 (30, 14, 2, Rational, 3 components, 24 bytes)";

    private static readonly int[] FrameDelays = [200, 200];

    public static byte[] Jpeg(int width = 2000, int height = 1200, bool withGps = false, int orientation = 1)
    {
        using var pixels = Gradient(width, height);
        using var tagged = pixels.Mutate(image =>
        {
            if (withGps)
            {
                image.Set(GValue.GStrType, "exif-ifd0-Make", "QuettaCam (QuettaCam, ASCII, 10 components, 10 bytes)");
                image.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N (N, ASCII, 2 components, 2 bytes)");
                image.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", GpsLatitude);
                image.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E (E, ASCII, 2 components, 2 bytes)");
                image.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "67/1 8/1 10/1 (67, 8, 10, Rational, 3 components, 24 bytes)");
            }

            if (orientation != 1)
            {
                image.Set(GValue.GIntType, "orientation", orientation);
            }
        });
        return tagged.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width = 1000, int height = 600)
    {
        using var pixels = Gradient(width, height);
        return pixels.PngsaveBuffer();
    }

    public static byte[] WebP(int width = 1000, int height = 600)
    {
        using var pixels = Gradient(width, height);
        return pixels.WebpsaveBuffer(q: 80);
    }

    /// <summary>Two frames, so a test can see the animation survive.</summary>
    public static byte[] AnimatedGif(int width = 600, int height = 300)
    {
        using var first = Gradient(width, height);
        using var second = first.Invert();
        using var strip = Image.Arrayjoin([first, second], across: 1);
        using var animation = strip.Mutate(image =>
        {
            image.Set(GValue.GIntType, "page-height", height);
            image.Set(GValue.ArrayIntType, "delay", FrameDelays);
        });
        return animation.GifsaveBuffer();
    }

    /// <summary>A Linux program's first bytes: what a "photo.jpg" from an attacker might really be.</summary>
    public static byte[] Elf() => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[120]];

    /// <summary>A Windows program's first bytes.</summary>
    public static byte[] WindowsProgram() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, .. new byte[120]];

    /// <summary>The first third of a real JPEG: a download that broke off.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Jpeg(800, 600);
        return whole[..(whole.Length / 3)];
    }

    /// <summary>Starts like a JPEG and goes on as anything but, over the size limit.</summary>
    public static byte[] OversizedJpeg(int bytes) => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[bytes - 4]];

    /// <summary>Colours that change across the picture, so every copy has real content to encode.</summary>
    private static Image Gradient(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var red = x * (255.0 / width);
        using var green = y * (255.0 / height);
        using var blue = (x + y) * (127.0 / (width + height));
        using var bands = red.Bandjoin(green, blue);
        return bands.Cast(Enums.BandFormat.Uchar);
    }

    /// <summary>The metadata fields of a stored copy that would tell where or with what it was taken.</summary>
    public static IReadOnlyList<string> RevealingFields(byte[] bytes, string loadOptions = "")
    {
        using var image = Image.NewFromBuffer(bytes, loadOptions);
        return image.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "icc-profile-data").ToList();
    }

    public static (int Width, int Height, int Pages) Measure(byte[] bytes, string loadOptions = "")
    {
        using var image = Image.NewFromBuffer(bytes, loadOptions);
        var pages = image.GetTypeOf("n-pages") != 0 ? (int)image.Get("n-pages") : 1;
        return (image.Width, image.PageHeight, pages);
    }
}
