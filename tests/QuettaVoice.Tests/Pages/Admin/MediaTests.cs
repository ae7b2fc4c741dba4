using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>The picture library, used through its form as a reporter on deadline would.</summary>
public sealed class MediaTests : SiteTest
{
    private string MediaFolder => Path.Combine(App.DataDirectory, "media");

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, byte[] file, string fileName, string contentType = "image/jpeg", string altText = "")
    {
        var page = await client.GetDocumentAsync("/admin/media");
        return await client.UploadAsync(page, "Image", file, fileName, contentType, new Dictionary<string, string> { ["AltText"] = altText });
    }

    private Task<List<MediaItem>> LibraryAsync() => App.WithDbAsync(db => db.Media.AsNoTracking().ToListAsync());

    private string[] StoredFiles() => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder) : [];

    [Fact]
    public async Task A_photo_with_its_gps_position_is_stored_in_three_widths_with_no_metadata_left()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var photo = TestImages.Jpeg(2000, 1200, withGps: true);
        Assert.Contains("exif-ifd3-GPSLatitude", TestImages.RevealingFields(photo));

        using var response = await UploadAsync(writer, photo, "hanna-lake.jpg", altText: "Boats on Hanna Lake at dusk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/media", response.Headers.Location!.OriginalString);
        var item = Assert.Single(await LibraryAsync());
        Assert.Equal(("hanna-lake.jpg", "image/jpeg", 2000, 1200), (item.OriginalFileName, item.ContentType, item.Width, item.Height));
        Assert.Equal([480, 960, 1600], item.VariantWidths);
        Assert.Equal(TestApp.Start.UtcDateTime, item.UploadedAt);
        Assert.Equal("Boats on Hanna Lake at dusk", item.AltText);
        Assert.NotNull(item.UploadedById);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), item.Sha256);

        Assert.Equal(3, StoredFiles().Length);
        foreach (var width in item.VariantWidths)
        {
            var stored = await File.ReadAllBytesAsync(Path.Combine(MediaFolder, item.FileName(width)));
            Assert.Equal((width, item.HeightAt(width), 1), TestImages.Measure(stored));
            Assert.Empty(TestImages.RevealingFields(stored));
            Assert.Equal(-1, stored.AsSpan().IndexOf("Exif\0\0"u8));
            Assert.Matches($"^{item.Sha256[..32]}-{width}\\.jpg$", item.FileName(width));

            using var served = await App.CreateReader().GetAsync(MediaServices.Url(item.FileName(width)));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(stored, await served.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_library_shows_the_upload_with_a_lazy_thumbnail_of_known_size()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        using var response = await UploadAsync(editor, TestImages.Jpeg(1200, 800), "market.jpg", altText: "Fruit stalls in Liaquat Bazaar");

        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("Uploaded market.jpg.", page.One(".notice").Text());
        var tile = page.One(".media-grid li");
        var image = tile.One("img");
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal(("480", "320"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal("Fruit stalls in Liaquat Bazaar", image.GetAttribute("alt"));
        Assert.EndsWith("-480.jpg", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("market.jpg", tile.One(".media-name").Text());
    }

    public static TheoryData<string, string, string> OtherFormats() => new()
    {
        { "chart.png", "image/png", "png" },
        { "skyline.webp", "image/webp", "webp" },
        { "flag.gif", "image/gif", "gif" },
    };

    [Theory]
    [MemberData(nameof(OtherFormats))]
    public async Task Png_webp_and_gif_are_accepted_and_kept_in_their_format(string fileName, string contentType, string extension)
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var bytes = extension switch
        {
            "png" => TestImages.Png(1000, 600),
            "webp" => TestImages.WebP(1000, 600),
            _ => TestImages.AnimatedGif(600, 300),
        };

        using var response = await UploadAsync(writer, bytes, fileName, contentType);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = Assert.Single(await LibraryAsync());
        Assert.Equal((contentType, extension), (item.ContentType, item.FileExtension));
        foreach (var width in item.VariantWidths)
        {
            using var served = await App.CreateReader().GetAsync(MediaServices.Url(item.FileName(width)));
            Assert.Equal(contentType, served.Content.Headers.ContentType!.MediaType);
        }
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "elf", "photo.jpg", ImageProcessor.Program },
        { "mz", "photo.jpg", ImageProcessor.Program },
        { "truncated", "broken.jpg", ImageProcessor.Damaged },
        { "text", "notes.txt", ImageProcessor.NotAnImage },
        { "text", "notes.jpg", ImageProcessor.NotAnImage },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_not_a_sound_image_is_refused_with_the_reason_and_nothing_is_stored(string kind, string fileName, string reason)
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var bytes = kind switch
        {
            "elf" => TestImages.Elf(),
            "mz" => TestImages.WindowsProgram(),
            "truncated" => TestImages.TruncatedJpeg(),
            _ => Encoding.UTF8.GetBytes("Headline: Schools reopen in Zhob\n\nThe story text, not a picture."),
        };

        using var response = await UploadAsync(writer, bytes, fileName, "image/jpeg", altText: "A picture");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertRefusedAsync(response, reason);
    }

    [Theory]
    [InlineData(ImageProcessor.MaxBytes + 1)]
    [InlineData(3 * ImageProcessor.MaxBytes)]
    public async Task A_file_over_ten_megabytes_is_refused_as_too_large_and_nothing_is_stored(int size)
    {
        var writer = await App.SignInAsync(Roles.Writer);

        using var response = await UploadAsync(writer, TestImages.OversizedJpeg(size), "huge.jpg", altText: "A picture");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // Past the body limit the picture is thrown away as it comes, and what was typed beside it is still kept.
        await AssertRefusedAsync(response, ImageProcessor.TooLarge);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        var page = await response.ParseAsync();
        Assert.Equal(reason, page.One("#image-error").Text());
        Assert.Contains("image-error", page.One("#image").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("A picture", page.ValueOf("AltText"));
        Assert.Equal("0 pictures", page.One("#media-count").Text());
        Assert.Empty(await LibraryAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_form_sent_without_a_file_asks_for_one()
    {
        var writer = await App.SignInAsync(Roles.Writer);

        using var response = await UploadAsync(writer, [], "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImageProcessor.Empty, (await response.ParseAsync()).One("#image-error").Text());
    }

    [Fact]
    public async Task An_upload_without_the_form_token_is_refused_and_nothing_is_stored()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var page = await writer.GetDocumentAsync("/admin/media");

        using var response = await writer.UploadAsync(page, "Image", TestImages.Jpeg(600, 400), "photo.jpg", "image/jpeg",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await LibraryAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_file_name_too_long_to_keep_is_cut_between_characters_never_inside_one()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var name = new string('a', 254) + "😀.jpg"; // the emoji's two halves fall on either side of the 255th place

        using var response = await UploadAsync(writer, TestImages.Jpeg(800, 600), name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new string('a', 254), Assert.Single(await LibraryAsync()).OriginalFileName);
    }

    [Fact]
    public async Task The_same_picture_uploaded_twice_is_one_item()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var photo = TestImages.Jpeg(800, 600);
        using var first = await UploadAsync(writer, photo, "first.jpg");

        using var second = await UploadAsync(writer, photo, "again.jpg");

        var page = await writer.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Equal("first.jpg is already in the library: the same picture was uploaded before.", page.One(".notice").Text());
        Assert.Single(await LibraryAsync());
        Assert.Equal(2, StoredFiles().Length);
    }

    [Fact]
    public async Task The_same_picture_uploaded_twice_at_the_same_moment_is_one_item_and_no_error()
    {
        var writer = await App.SignInAsync(Roles.Writer);
        var other = await App.SignInAsync(Roles.Writer);
        var photo = TestImages.Jpeg(800, 600);
        // Held once it has found the picture not yet in the library; the other upload of it finishes meanwhile.
        var hold = App.SqlPause.Next(sql => sql.Contains("\"Sha256\" =", StringComparison.Ordinal));
        var first = UploadAsync(writer, photo, "first.jpg");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        using (var meanwhile = await UploadAsync(other, photo, "meanwhile.jpg"))
        {
            Assert.Equal(HttpStatusCode.Redirect, meanwhile.StatusCode);
        }

        hold.Release();
        using var response = await first;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await writer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("meanwhile.jpg is already in the library: the same picture was uploaded before.", page.One(".notice").Text());
        Assert.Single(await LibraryAsync());
        Assert.Equal(2, StoredFiles().Length);
    }

    [Fact]
    public async Task The_library_lists_newest_first_in_pages()
    {
        await App.WithDbAsync(db =>
        {
            for (var i = 1; i <= 30; i++)
            {
                db.Media.Add(new MediaItem
                {
                    Sha256 = i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
                    OriginalFileName = $"photo-{i:00}.jpg",
                    ContentType = "image/jpeg",
                    FileExtension = "jpg",
                    Width = 1200,
                    Height = 800,
                    VariantWidths = [480, 960, 1200],
                    UploadedAt = TestApp.Start.UtcDateTime.AddMinutes(i),
                });
            }

            return db.SaveChangesAsync();
        });
        var writer = await App.SignInAsync(Roles.Writer);

        var first = await writer.GetDocumentAsync("/admin/media");
        var second = await writer.GetDocumentAsync(first.One("a[rel=next]").GetAttribute("href")!);

        Assert.Equal("30 pictures", first.One("#media-count").Text());
        Assert.Equal(Enumerable.Range(7, 24).Reverse().Select(i => $"photo-{i:00}.jpg"), Names(first));
        Assert.Equal(Enumerable.Range(1, 6).Reverse().Select(i => $"photo-{i:00}.jpg"), Names(second));
        using var beyond = await writer.GetAsync("/admin/media?pageNumber=3");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);

        static IEnumerable<string> Names(IDocument page) => page.QuerySelectorAll(".media-name").Select(e => e.Text());
    }

    [Theory]
    [InlineData(Roles.Writer, true)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Moderator, false)]
    public async Task The_newsroom_menu_offers_media_to_those_who_may_use_it(string role, bool offered)
    {
        var client = await App.SignInAsync(role);

        var dashboard = await client.GetDocumentAsync("/admin");

        Assert.Equal(offered, dashboard.QuerySelectorAll(".admin-nav a").Any(a => a.GetAttribute("href") == "/admin/media"));
    }
}
