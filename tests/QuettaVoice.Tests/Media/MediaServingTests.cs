using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Media;

/// <summary>Stored copies as any reader's browser fetches them: public, cacheable for a year, and nothing else.</summary>
public sealed class MediaServingTests : SiteTest
{
    private string MediaFolder => Path.Combine(App.DataDirectory, "media");

    private async Task<string> PutAsync(string name, byte[] bytes)
    {
        _ = App.Server; // starts the site, which makes the folder
        await File.WriteAllBytesAsync(Path.Combine(MediaFolder, name), bytes);
        return name;
    }

    [Theory]
    [InlineData("jpg", "image/jpeg")]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    [InlineData("gif", "image/gif")]
    public async Task A_stored_copy_is_served_with_its_type_and_a_long_lived_cache_header(string extension, string contentType)
    {
        var name = await PutAsync($"0123456789abcdef0123456789abcdef-480.{extension}", TestImages.Png(40, 30));

        using var response = await App.CreateReader().GetAsync($"/media/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/media/0123456789abcdef0123456789abcdef-480.jpg")]
    [InlineData("/media/")]
    [InlineData("/media/notes.txt")]
    [InlineData("/media/.half-written.tmp")]
    [InlineData("/media/..%2Fquettavoice.db")]
    public async Task An_unknown_or_unservable_name_is_not_found(string url)
    {
        await PutAsync("notes.txt", "not a picture"u8.ToArray());
        await PutAsync(".half-written.tmp", TestImages.Png(40, 30));

        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.CacheControl?.MaxAge);
    }
}
