using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Pages;

public sealed class StoryPageTests : SiteTest
{
    
    private async Task<AngleSharp.Dom.IDocument> PublishAndReadAsync(Action<QuettaVoice.Web.Domain.Article> arrange)
    {
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Water crisis deepens");
            arrange(story);
            db.Articles.Add(story);
            return db.SaveChangesAsync();
        });
        return await App.CreateReader().GetDocumentAsync("/2025/07/03/water-crisis-deepens");
    }

    [Fact]
    public async Task A_featured_image_is_shown_with_its_caption_credit_and_alt_text()
    {
        var page = await PublishAndReadAsync(s =>
        {
            s.FeaturedImage.Path = "/media/2025/07/dam.jpg";
            s.FeaturedImage.Caption = "The Hanna dam, nearly dry";
            s.FeaturedImage.Credit = "QV photo";
            s.FeaturedImage.AltText = "A dry reservoir under a pale sky";
        });

        var figure = page.One("article figure");
        var image = figure.One("img");
        Assert.Equal("/media/2025/07/dam.jpg", image.GetAttribute("src"));
        Assert.Equal("A dry reservoir under a pale sky", image.GetAttribute("alt"));
        Assert.Equal("The Hanna dam, nearly dry QV photo", string.Join(' ', figure.One("figcaption").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData(null, "Shahzada Zulfiqar", true)] // the author
    [InlineData("Our Correspondent", "Our Correspondent", true)] // a desk, whose work the author's account files
    [InlineData("Gul Bibi", "Gul Bibi", false)] // another person: the author's page is not theirs
    public async Task The_byline_links_to_the_authors_page_only_when_that_page_is_the_credits(string? byline, string credit, bool linked)
    {
        var page = await PublishAndReadAsync(s => s.Byline = byline);

        Assert.Equal($"By {credit}", page.One(".byline").Text().Trim());
        Assert.Equal(linked, page.QuerySelector(".byline a[href='/author/shahzada-zulfiqar']") is not null);
    }

    [Fact]
    public async Task The_standfirst_sits_under_the_headline()
    {
        var page = await PublishAndReadAsync(s => s.Standfirst = "Quetta's taps ran dry for a third week.");

        Assert.Equal("Quetta's taps ran dry for a third week.", page.One("header .standfirst").Text());
        Assert.Equal("Quetta's taps ran dry for a third week.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Script_and_dangerous_links_written_into_a_body_never_reach_the_page()
    {
        var page = await PublishAndReadAsync(s => s.Body =
            "Safe text.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>");

        var body = page.One(".story-body");
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('x')</script>", body.TextContent);
    }

    [Fact]
    public async Task Text_that_looks_like_html_in_a_headline_or_byline_is_shown_not_run()
    {
        var page = await PublishAndReadAsync(s => s.Byline = "<b>Desk</b>");

        Assert.Equal("By <b>Desk</b>", page.One(".byline").Text().Trim());
        Assert.Empty(page.QuerySelectorAll(".byline b"));
    }
}
