using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages;

/// <summary>A story whose picture comes from the media library: the browser is offered every copy and told its size.</summary>
public sealed class StoryPageMediaTests : SiteTest
{
    private async Task<MediaItem> UploadToLibraryAsync(byte[] bytes, string? altText)
    {
        Assert.True(ImageProcessor.TryProcess(bytes, out var image, out var problem), problem);
        await using var scope = App.Services.CreateAsyncScope();
        var (item, _) = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(image, "dam.jpg", altText, null, default);
        return item;
    }

    private async Task<IDocument> PublishAndReadAsync(int mediaId, Action<FeaturedImage>? arrange = null)
    {
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens");
            story.FeaturedImage = new FeaturedImage { MediaId = mediaId, Caption = "The Hanna dam, nearly dry", Credit = "QV photo" };
            arrange?.Invoke(story.FeaturedImage);
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });
        return await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");
    }

    [Fact]
    public async Task Only_the_storys_own_picture_loads_first_and_one_in_its_text_waits_until_the_reader_nears_it()
    {
        var item = await UploadToLibraryAsync(TestImages.Jpeg(2000, 1200), "A dry reservoir under a pale sky");
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens");
            story.Body = $"The reservoir is lower than in any July on record.\n\n![Boats stranded on the dry bed]({ResponsiveImage.For(item).Src})\n\nFarmers say the canal ran dry in June.";
            story.FeaturedImage = new FeaturedImage { MediaId = item.Id };
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");

        Assert.Equal("eager", page.One("article figure img").GetAttribute("loading"));
        var inText = page.One(".story-body img");
        Assert.Equal((ResponsiveImage.For(item).Src, "Boats stranded on the dry bed"), (inText.GetAttribute("src"), inText.GetAttribute("alt")));
        Assert.Equal("lazy", inText.GetAttribute("loading"));
    }

    [Fact]
    public async Task A_library_picture_is_offered_in_every_width_with_its_size_and_loads_first()
    {
        var item = await UploadToLibraryAsync(TestImages.Jpeg(2000, 1200), "A dry reservoir under a pale sky");

        var page = await PublishAndReadAsync(item.Id);

        var figure = page.One("article figure");
        var image = figure.One("img");
        var prefix = "/media/" + item.Sha256[..32];
        Assert.Equal($"{prefix}-480.jpg 480w, {prefix}-960.jpg 960w, {prefix}-1600.jpg 1600w", image.GetAttribute("srcset"));
        Assert.Equal("(min-width: 45rem) 65ch, 100vw", image.GetAttribute("sizes"));
        Assert.Equal($"{prefix}-960.jpg", image.GetAttribute("src"));
        Assert.Equal(("1600", "960"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal("A dry reservoir under a pale sky", image.GetAttribute("alt"));
        Assert.NotEqual("lazy", image.GetAttribute("loading"));
        Assert.Equal("high", image.GetAttribute("fetchpriority"));
        Assert.Equal("The Hanna dam, nearly dry QV photo", string.Join(' ', figure.One("figcaption").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        var reader = App.CreateReader();
        foreach (var candidate in image.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[0]))
        {
            using var response = await reader.GetAsync(candidate);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task A_library_picture_pasted_into_the_text_as_the_library_offers_it_is_sent_with_every_copy_and_its_size()
    {
        var item = await UploadToLibraryAsync(TestImages.Jpeg(2000, 1200), "A dry reservoir under a pale sky");
        var editor = await App.SignInAsync(QuettaVoice.Web.Accounts.Roles.Editor);
        var markdown = (await editor.GetDocumentAsync("/admin/media")).One(".media-markdown input").GetAttribute("value")!;
        var prefix = "/media/" + item.Sha256[..32];
        Assert.Equal($"![A dry reservoir under a pale sky]({prefix}-960.jpg)", markdown);
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens");
            story.Body = $"The reservoir is lower than in any July on record.\n\n{markdown}\n\n![]({prefix}-480.jpg)\n\n"
                + $"![Boats stranded on the dry bed]({prefix}-1600.jpg)\n\n![A copy never made]({prefix}-700.jpg)\n\n"
                + $"![Elsewhere](https://elsewhere.example{prefix}-960.jpg)";
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });

        var page = await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");
        var pictures = page.QuerySelectorAll(".story-body img");

        Assert.Equal(3, pictures.Length);
        foreach (var picture in pictures)
        {
            Assert.Equal($"{prefix}-480.jpg 480w, {prefix}-960.jpg 960w, {prefix}-1600.jpg 1600w", picture.GetAttribute("srcset"));
            Assert.Equal(("(min-width: 45rem) 65ch, 100vw", $"{prefix}-960.jpg"), (picture.GetAttribute("sizes"), picture.GetAttribute("src")));
            Assert.Equal(("1600", "960", "lazy"), (picture.GetAttribute("width"), picture.GetAttribute("height"), picture.GetAttribute("loading")));
        }

        // Written without words of its own, a picture takes the library's; with them, it keeps its own.
        Assert.Equal(["A dry reservoir under a pale sky", "A dry reservoir under a pale sky", "Boats stranded on the dry bed"], pictures.Select(p => p.GetAttribute("alt")));
        // An address of no copy, and a copy's path on another site, are the library's no more than any other picture.
        Assert.Equal(
            [($"{prefix}-700.jpg", "Picture: A copy never made"), ($"https://elsewhere.example{prefix}-960.jpg", "Picture: Elsewhere")],
            page.QuerySelectorAll(".story-body a").Select(a => (a.GetAttribute("href"), a.TextContent)));

        // A feed is read away from the site: every copy's address is whole.
        var feed = await App.CreateReader().GetStringAsync("/feed");
        Assert.Contains($"http://localhost{prefix}-480.jpg 480w, http://localhost{prefix}-960.jpg 960w, http://localhost{prefix}-1600.jpg 1600w", feed, StringComparison.Ordinal);
        // Only the site's own origin is the library's there: the other site's address is not given the library's copies.
        Assert.Contains($"https://elsewhere.example{prefix}-960.jpg", feed, StringComparison.Ordinal);
        Assert.DoesNotContain($"https://elsewhere.example{prefix}-480.jpg", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_alt_text_wins_over_the_library_one()
    {
        var item = await UploadToLibraryAsync(TestImages.Jpeg(800, 500), "Library words");

        var page = await PublishAndReadAsync(item.Id, image => image.AltText = "The story's own words");

        Assert.Equal("The story's own words", page.One("article figure img").GetAttribute("alt"));
    }

    [Fact]
    public async Task A_small_library_picture_is_offered_only_at_its_own_size()
    {
        var item = await UploadToLibraryAsync(TestImages.Png(320, 200), null);

        var image = (await PublishAndReadAsync(item.Id)).One("article figure img");

        Assert.Equal($"/media/{item.Sha256[..32]}-320.png 320w", image.GetAttribute("srcset"));
        Assert.Equal(("320", "200", ""), (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("alt")));
    }

    [SkippableFact]
    public async Task The_story_with_a_library_picture_and_the_media_page_are_valid_html()
    {
        HtmlChecker.SkipUnlessAvailable();
        var item = await UploadToLibraryAsync(TestImages.Jpeg(1200, 800), "A dry reservoir");
        _ = await PublishAndReadAsync(item.Id);
        // And the picture again in its text, as the library offers it.
        await App.WithDbAsync(async db =>
        {
            var story = await db.Articles.SingleAsync();
            story.Body += $"\n\n![]({ResponsiveImage.For(item).Src})";
            await db.SaveChangesAsync();
        });
        var writer = await App.SignInAsync(QuettaVoice.Web.Accounts.Roles.Writer);
        using var refused = await writer.UploadAsync(await writer.GetDocumentAsync("/admin/media"), "Image", "plain text"u8.ToArray(), "notes.jpg", "image/jpeg");

        var story = await App.CreateReader().GetStringAsync("/2025/07/03/water-crisis-deepens");
        Assert.NotNull(Html.Parse(story).One(".story-body img").GetAttribute("srcset"));

        var errors = await HtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["story-with-library-picture"] = story,
            ["media-library"] = await writer.GetStringAsync("/admin/media"),
            ["media-refused"] = await refused.Content.ReadAsStringAsync(),
        });

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
