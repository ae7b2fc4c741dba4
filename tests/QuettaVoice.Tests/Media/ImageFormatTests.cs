using System.Text;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Media;

public sealed class ImageFormatTests
{
    [Fact]
    public void Each_allowed_format_is_known_by_its_first_bytes()
    {
        Assert.Equal(ImageFormat.Jpeg, ImageFormat.Detect(TestImages.Jpeg(40, 30)));
        Assert.Equal(ImageFormat.Png, ImageFormat.Detect(TestImages.Png(40, 30)));
        Assert.Equal(ImageFormat.WebP, ImageFormat.Detect(TestImages.WebP(40, 30)));
        Assert.Equal(ImageFormat.Gif, ImageFormat.Detect(TestImages.AnimatedGif(40, 30)));
        Assert.Equal(ImageFormat.Gif, ImageFormat.Detect("GIF87a\u0001\u0000"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just some words in a text file.")]
    [InlineData("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")]
    [InlineData("GIF88a")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void Anything_else_is_no_format_at_all(string start) =>
        Assert.Null(ImageFormat.Detect(Encoding.Latin1.GetBytes(start)));

    [Fact]
    public void A_program_is_told_apart_from_other_files()
    {
        Assert.True(ImageFormat.IsProgram(TestImages.Elf()));
        Assert.True(ImageFormat.IsProgram(TestImages.WindowsProgram()));
        Assert.False(ImageFormat.IsProgram(TestImages.Jpeg(40, 30)));
        Assert.False(ImageFormat.IsProgram("Made in Quetta"u8));
    }
}
