using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Browser;

/// <summary>A reader on a phone and on a desktop: the front page, a tap on the story, the story itself, read by a real browser.</summary>
public sealed class ReaderJourneyTests(LiveSite site) : BrowserTest(site)
{
    [SkippableTheory]
    [InlineData("phone", 360, 780)]
    [InlineData("desktop", 1280, 900)]
    public async Task A_reader_follows_the_lead_story_from_the_front_page_and_reads_it(string device, int width, int height)
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await OpenAsync(width, height, javaScript: false);

        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath($"front-{device}.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = Seed.Headline }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Seed.Permalink) + "$"));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(Seed.Headline, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("MOSCOW", await page.Locator(".story-body .dateline").InnerTextAsync());
        var paragraphs = await page.Locator(".story-body p").AllInnerTextsAsync();
        Assert.Equal(7, paragraphs.Count);
        Assert.Equal(Seed.Paragraphs[^1], paragraphs[^1]);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Monitoring Desk" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "About the Author" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath($"story-{device}.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task An_authors_photo_is_fetched_at_the_size_of_the_avatar_and_cropped_to_its_circle()
    {
        Support.Browser.SkipUnlessAvailable();
        string photo;
        Assert.True(ImageProcessor.TryProcess(TestImages.Jpeg(1800, 1200), out var image, out var problem), problem);
        await using (var scope = Site.App.Services.CreateAsyncScope())
        {
            var (item, _) = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(image, "adeel.jpg", null, null, default);
            photo = ResponsiveImage.For(item).Src;
        }

        var author = TestData.Author("Adeel Photographed");
        author.PhotoPath = photo;
        await Site.App.WithDbAsync(db => { db.Authors.Add(author); return db.SaveChangesAsync(); });
        var page = await OpenAsync(360, 780, javaScript: false);

        await page.GotoAsync($"/author/{author.Slug}");
        await page.WaitForFunctionAsync("() => document.querySelector('.author-photo').complete");

        // A landscape photo, 1800 by 1200: the 480-pixel copy, loaded (its size as the browser scales it for the avatar,
        // 96 by 64, comes from the file itself), fills the 96-pixel circle, cut to it rather than shown as an ellipse.
        var shown = await page.Locator(".author-photo").EvaluateAsync<string>(
            "img => [new URL(img.currentSrc).pathname, img.naturalWidth, img.naturalHeight, getComputedStyle(img).objectFit, img.clientWidth, img.clientHeight].join(' ')");
        Assert.Equal($"{photo.Replace("-960.jpg", "-480.jpg", StringComparison.Ordinal)} 96 64 cover 96 96", shown);
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(1920)]
    public async Task The_story_fits_the_screen_without_sideways_scrolling(int width)
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await OpenAsync(width, 800);

        await page.GotoAsync(Seed.Permalink);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px at {width}px");
        var measure = await page.EvaluateAsync<double>(
            "(() => { const p = document.querySelector('.story-body p'); const r = p.getBoundingClientRect(); " +
            "const s = getComputedStyle(p); const c = document.createElement('canvas').getContext('2d'); c.font = s.font; " +
            "return r.width / c.measureText('abcdefghijklmnopqrstuvwxyz').width * 26; })()");
        Assert.InRange(measure, width < 600 ? 25 : 55, 80);
    }

    [SkippableFact]
    public async Task A_long_link_in_a_comment_wraps_on_a_small_phone_rather_than_widening_the_page()
    {
        Support.Browser.SkipUnlessAvailable();
        var author = TestData.Author("Comment Wrap Desk");
        var story = TestData.Article(author, headline: "Readers share their links");
        await Site.App.WithDbAsync(async db =>
        {
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            db.Comments.Add(TestData.Comment(story.Id, Web.Domain.CommentStatus.Approved,
                "See https://www.dawn.com/news/1923456/balochistan-government-announces-new-schools-for-out-of-school-children-in-kech-and-panjgur"));
            await db.SaveChangesAsync();
        });
        var page = await OpenAsync(320, 800);

        await page.GotoAsync(Web.Domain.Permalink.For(story.Slug, story.PublishedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi")));

        Assert.Equal(1, await page.Locator(".comment-body a").CountAsync());
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px at 320px");
    }

    [SkippableTheory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData(Seed.Permalink, ColorScheme.Light)]
    [InlineData(Seed.Permalink, ColorScheme.Dark)]
    [InlineData("/author/quetta-voice", ColorScheme.Light)]
    [InlineData("/no-such-page", ColorScheme.Dark)]
    [InlineData("/search?q=Taliban+sanctions", ColorScheme.Light)]
    [InlineData("/search?q=Taliban+sanctions", ColorScheme.Dark)]
    [InlineData("/2025/07", ColorScheme.Light)]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violation(string url, ColorScheme scheme)
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await OpenAsync(1280, 900, scheme);

        await page.GotoAsync(url);
        var serious = await SeriousAccessibilityViolationsAsync(page);

        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }

    [SkippableFact]
    public async Task Dark_mode_follows_the_reader_system_setting()
    {
        Support.Browser.SkipUnlessAvailable();
        var light = await OpenAsync(1280, 900, ColorScheme.Light);
        var dark = await OpenAsync(1280, 900, ColorScheme.Dark);

        await light.GotoAsync(Seed.Permalink);
        await dark.GotoAsync(Seed.Permalink);
        await dark.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("story-dark.png") });

        const string background = "getComputedStyle(document.body).backgroundColor";
        Assert.Equal("rgb(255, 254, 251)", await light.EvaluateAsync<string>(background));
        Assert.Equal("rgb(20, 20, 20)", await dark.EvaluateAsync<string>(background));
    }

    [SkippableFact]
    public async Task The_print_style_leaves_out_navigation_and_keeps_the_story()
    {
        Support.Browser.SkipUnlessAvailable();
        var page = await OpenAsync(1280, 900);

        await page.GotoAsync(Seed.Permalink);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        Assert.False(await page.Locator("nav.sections").IsVisibleAsync());
        Assert.True(await page.Locator(".story-body").IsVisibleAsync());
    }
}
