using System.Text;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Media;

public sealed class ImageProcessorTests
{
    private static ProcessedImage Accept(byte[] bytes)
    {
        Assert.True(ImageProcessor.TryProcess(bytes, out var image, out var problem), problem);
        return image;
    }

    private static string Refuse(byte[] bytes)
    {
        Assert.False(ImageProcessor.TryProcess(bytes, out var image, out var problem));
        Assert.Null(image);
        return problem;
    }

    [Fact]
    public void A_photo_with_its_gps_position_comes_out_with_no_metadata_in_any_copy()
    {
        var photo = TestImages.Jpeg(withGps: true);
        Assert.Contains("exif-ifd3-GPSLatitude", TestImages.RevealingFields(photo));

        var image = Accept(photo);

        Assert.All(image.Variants, variant =>
        {
            Assert.Empty(TestImages.RevealingFields(variant.Bytes));
            Assert.Equal(-1, variant.Bytes.AsSpan().IndexOf("Exif\0\0"u8));
            Assert.Equal(-1, variant.Bytes.AsSpan().IndexOf("QuettaCam"u8));
        });
    }

    [Fact]
    public void A_large_picture_gets_copies_480_960_and_1600_pixels_wide_in_proportion()
    {
        var image = Accept(TestImages.Jpeg(2000, 1200));

        Assert.Equal((2000, 1200), (image.Width, image.Height));
        Assert.Equal([(480, 288), (960, 576), (1600, 960)], image.Variants.Select(v => (v.Width, v.Height)));
        Assert.All(image.Variants, v => Assert.Equal((v.Width, v.Height, 1), TestImages.Measure(v.Bytes)));
        Assert.Equal(ImageFormat.Jpeg, image.Format);
    }

    [Theory]
    [InlineData(2400, new[] { 480, 960, 1600 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(480, new[] { 480 })]
    [InlineData(300, new[] { 300 })]
    public void A_picture_is_never_enlarged_and_always_has_a_copy_at_its_widest(int width, int[] expected) =>
        Assert.Equal(expected, ImageProcessor.VariantWidthsFor(width));

    [Fact]
    public void A_small_picture_keeps_one_copy_at_its_own_width()
    {
        var image = Accept(TestImages.Png(320, 200));

        Assert.Equal([(320, 200)], image.Variants.Select(v => (v.Width, v.Height)));
        Assert.Equal(ImageFormat.Png, image.Format);
    }

    [Fact]
    public void A_photo_taken_with_the_camera_on_its_side_is_turned_upright()
    {
        // Orientation 6: the sensor's 1200 x 800 is seen as 800 x 1200.
        var image = Accept(TestImages.Jpeg(1200, 800, orientation: 6));

        Assert.Equal((800, 1200), (image.Width, image.Height));
        Assert.Equal([(480, 720), (800, 1200)], image.Variants.Select(v => (v.Width, v.Height)));
        Assert.All(image.Variants, v => Assert.Equal((v.Width, v.Height, 1), TestImages.Measure(v.Bytes)));
    }

    [Fact]
    public void An_animated_gif_keeps_its_frames_in_every_copy()
    {
        var image = Accept(TestImages.AnimatedGif(600, 300));

        Assert.Equal((600, 300), (image.Width, image.Height));
        Assert.Equal([(480, 240, 2), (600, 300, 2)], image.Variants.Select(v => TestImages.Measure(v.Bytes, "n=-1")));
        Assert.Equal(ImageFormat.Gif, image.Format);
    }

    [Fact]
    public void A_webp_stays_a_webp()
    {
        var image = Accept(TestImages.WebP(1000, 600));

        Assert.Equal(ImageFormat.WebP, image.Format);
        Assert.Equal([480, 960, 1000], image.Variants.Select(v => v.Width));
        Assert.All(image.Variants, v => Assert.Equal(ImageFormat.WebP, ImageFormat.Detect(v.Bytes)));
    }

    [Fact]
    public void The_same_bytes_always_get_the_same_hash()
    {
        var photo = TestImages.Jpeg(600, 400);

        Assert.Equal(Accept(photo).Sha256, Accept(photo).Sha256);
        Assert.Matches("^[0-9a-f]{64}$", Accept(photo).Sha256);
        Assert.NotEqual(Accept(photo).Sha256, Accept(TestImages.Jpeg(601, 400)).Sha256);
    }

    [Fact]
    public void A_program_named_like_a_photo_is_refused_as_a_program()
    {
        Assert.Equal(ImageProcessor.Program, Refuse(TestImages.Elf()));
        Assert.Equal(ImageProcessor.Program, Refuse(TestImages.WindowsProgram()));
    }

    [Fact]
    public void A_text_file_is_refused_as_not_an_image() =>
        Assert.Equal(ImageProcessor.NotAnImage, Refuse(Encoding.UTF8.GetBytes("Headline: Schools reopen\n\nNot a picture.")));

    [Fact]
    public void A_jpeg_cut_short_is_refused_as_damaged() =>
        Assert.Equal(ImageProcessor.Damaged, Refuse(TestImages.TruncatedJpeg()));

    [Fact]
    public void A_png_header_on_anything_else_is_refused_as_damaged() =>
        Assert.Equal(ImageProcessor.Damaged, Refuse([.. TestImages.Png(40, 30)[..8], .. Encoding.ASCII.GetBytes("no chunks here at all")]));

    [Fact]
    public void A_file_over_ten_megabytes_is_refused_before_it_is_decoded() =>
        Assert.Equal(ImageProcessor.TooLarge, Refuse(TestImages.OversizedJpeg(ImageProcessor.MaxBytes + 1)));

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal(ImageProcessor.Empty, Refuse([]));

    [Fact]
    public void A_small_file_that_opens_to_a_huge_picture_is_refused()
    {
        using var flat = NetVips.Image.Black(11_000, 10_000);
        var png = flat.Cast(NetVips.Enums.BandFormat.Uchar).PngsaveBuffer(compression: 1);
        Assert.True(png.Length < ImageProcessor.MaxBytes);

        Assert.Equal(ImageProcessor.TooManyPixels, Refuse(png));
    }
}
