using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Hosting;

namespace QuettaVoice.Tests.Hosting;

/// <summary>A feed or sitemap is held whole before it is sent: every byte comes out, in order, however it was written.</summary>
[Collection(Solo.Name)]
public sealed class HeldResponseTests
{
    private const int MemoryLimit = 256 * 1024;

    /// <summary>Bytes that differ from place to place, written in uneven pieces as an XmlWriter writes them.</summary>
    private static async Task<(byte[] Written, byte[] CopiedOut, long HeldLength, string[] TemporaryFiles)> HoldAsync(int length)
    {
        var written = new byte[length];
        new Random(20250703).NextBytes(written);
        var temp = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath();
        var before = Directory.GetFiles(temp, "ASPNETCORE_*");

        await using var held = new HeldResponse(MemoryLimit);
        int[] sizes = [1, 6_144, 100, 70_000, 65_536, 3];
        for (int at = 0, i = 0; at < length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], length - at);
            held.Write(written, at, size);
            at += size;
        }

        var during = Directory.GetFiles(temp, "ASPNETCORE_*").Except(before).ToArray();
        // Read first, as the response's Content-Length is.
        var heldLength = held.HeldLength;
        using var copied = new MemoryStream();
        await held.CopyOutAsync(copied, CancellationToken.None);
        return (written, copied.ToArray(), heldLength, during);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    [InlineData(150_000)]
    [InlineData(MemoryLimit)]
    public async Task A_response_within_the_limit_is_held_in_memory_and_comes_out_whole(int length)
    {
        var (written, copiedOut, heldLength, temporaryFiles) = await HoldAsync(length);

        Assert.Equal(length, heldLength);
        Assert.Equal(written, copiedOut);
        Assert.Empty(temporaryFiles);
    }

    [Fact]
    public async Task A_response_past_the_limit_goes_on_in_a_temporary_file_and_comes_out_whole()
    {
        var (written, copiedOut, heldLength, temporaryFiles) = await HoldAsync(3 * MemoryLimit + 12_345);

        Assert.Equal(written.Length, heldLength);
        Assert.Equal(written, copiedOut);
        Assert.Single(temporaryFiles);
    }
}
