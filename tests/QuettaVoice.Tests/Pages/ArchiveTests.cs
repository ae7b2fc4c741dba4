using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>Last month's story found again: the old site's year, month and day archives, dated in Quetta.</summary>
public sealed class ArchiveTests : SiteTest
{
    private static readonly DateTimeOffset JuneFifteenth = new(2025, 6, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>20:00 UTC on 30 June is 01:00 on 1 July in Quetta: a July story.</summary>
    private static readonly DateTimeOffset QuettaJulyFirst = new(2025, 6, 30, 20, 0, 0, TimeSpan.Zero);

    public override Task InitializeAsync() => App.WithDbAsync(async db =>
    {
        var author = TestData.Author();
        db.Articles.AddRange(
            TestData.Article(author, headline: "Budget session opens", publishedAt: JuneFifteenth),
            TestData.Article(author, headline: "Monsoon warning issued", publishedAt: QuettaJulyFirst),
            TestData.Article(author, headline: "Markhor census counts more", publishedAt: TestApp.Start.AddHours(-2)),
            TestData.Article(author, headline: "Last year's floods remembered", publishedAt: new DateTimeOffset(2024, 8, 20, 5, 0, 0, TimeSpan.Zero)),
            TestData.Article(author, headline: "Draft for July", status: ArticleStatus.Draft),
            TestData.Article(author, headline: "Scheduled for July", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(3)));
        await db.SaveChangesAsync();
    });

    private static List<string> Headlines(IDocument page) =>
        page.QuerySelectorAll("main .cards .card-headline a").Select(a => a.Text()).ToList();

    [Fact]
    public async Task A_month_archive_lists_that_months_stories_by_quetta_date_newest_first()
    {
        var july = await App.CreateReader().GetDocumentAsync("/2025/07");

        Assert.Equal("July 2025", july.One("main h1").Text());
        Assert.Equal(["Markhor census counts more", "Monsoon warning issued"], Headlines(july));
        Assert.Equal(["Budget session opens"], Headlines(await App.CreateReader().GetDocumentAsync("/2025/06")));
        Assert.Equal("Stories from July 2025 | Quetta Voice", july.Title);
    }

    [Fact]
    public async Task A_year_archive_lists_the_whole_year_and_a_day_archive_one_day()
    {
        var year = await App.CreateReader().GetDocumentAsync("/2025");
        var day = await App.CreateReader().GetDocumentAsync("/2025/07/01/"); // the old site's links end with a slash

        Assert.Equal(["Markhor census counts more", "Monsoon warning issued", "Budget session opens"], Headlines(year));
        Assert.Equal(["Monsoon warning issued"], Headlines(day));
        Assert.Equal("1 July 2025", day.One("main h1").Text());
    }

    [Fact]
    public async Task Archives_are_paged_in_the_old_sites_style()
    {
        await App.WithDbAsync(async db =>
        {
            var author = TestData.Author("Adnan Aamir");
            db.Articles.AddRange(Enumerable.Range(1, 10).Select(i => TestData.Article(author, headline: $"June brief {i}", publishedAt: JuneFifteenth.AddHours(i))));
            await db.SaveChangesAsync();
        });

        var first = await App.CreateReader().GetDocumentAsync("/2025/06");
        var next = first.One(".pager a[rel=next]").GetAttribute("href");
        var second = await App.CreateReader().GetDocumentAsync(next!);

        Assert.Equal("/2025/06/page/2", next);
        Assert.Equal(["Budget session opens"], Headlines(second));
        using var beyond = await App.CreateReader().GetAsync("/2025/06/page/3");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Theory]
    [InlineData("/2025/7", "/2025/07")]
    [InlineData("/2025/07/page/1", "/2025/07")]
    [InlineData("/2025/07/1", "/2025/07/01")]
    public async Task Another_spelling_of_an_archive_address_moves_permanently_to_the_one_address(string path, string canonical)
    {
        using var response = await App.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/2023")]
    [InlineData("/2025/05")]
    [InlineData("/2025/02/30")]
    [InlineData("/2025/13")]
    [InlineData("/2025/07/09")] // the scheduled story's day: nothing is out yet
    public async Task A_period_with_no_stories_or_no_such_date_is_not_found(string path)
    {
        using var response = await App.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_day_whose_midnight_the_clocks_skipped_has_its_archive_like_any_other()
    {
        // Quetta's clocks went from 23:59 on 31 May 2008 straight to 01:00 on 1 June: that midnight never happened.
        await App.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            db.Articles.AddRange(
                TestData.Article(author, headline: "Last half hour of May", publishedAt: new DateTimeOffset(2008, 5, 31, 18, 30, 0, TimeSpan.Zero)), // 23:30, +5
                TestData.Article(author, headline: "First hour of June", publishedAt: new DateTimeOffset(2008, 5, 31, 19, 0, 0, TimeSpan.Zero)), // 01:00, +6
                TestData.Article(author, headline: "Clocks went forward", publishedAt: new DateTimeOffset(2008, 5, 31, 20, 0, 0, TimeSpan.Zero))); // 02:00
            await db.SaveChangesAsync();
        });

        Assert.Equal(["Clocks went forward", "First hour of June"], Headlines(await App.CreateReader().GetDocumentAsync("/2008/06/01")));
        Assert.Equal(["Clocks went forward", "First hour of June"], Headlines(await App.CreateReader().GetDocumentAsync("/2008/06")));
        Assert.Equal(["Last half hour of May"], Headlines(await App.CreateReader().GetDocumentAsync("/2008/05/31")));
        Assert.Equal(["Clocks went forward", "First hour of June", "Last half hour of May"], Headlines(await App.CreateReader().GetDocumentAsync("/2008")));
    }

    [Fact]
    public async Task Drafts_and_scheduled_stories_stay_out_of_the_archive_until_they_are_out()
    {
        Assert.DoesNotContain("Draft for July", Headlines(await App.CreateReader().GetDocumentAsync("/2025/07")));
        Assert.DoesNotContain("Scheduled for July", Headlines(await App.CreateReader().GetDocumentAsync("/2025/07")));

        App.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Contains("Scheduled for July", Headlines(await App.CreateReader().GetDocumentAsync("/2025/07")));
    }

    [Fact]
    public async Task The_front_page_has_an_archive_by_month_with_counts_and_every_year()
    {
        var archive = (await App.CreateReader().GetDocumentAsync("/")).One(".archive-months");

        Assert.Equal(
            ["July 2025 (2)", "June 2025 (1)", "August 2024 (1)"],
            archive.QuerySelectorAll("li").Select(li => string.Join(' ', li.Text().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal(["/2025/07", "/2025/06", "/2024/08"], archive.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/2025", "/2024"], archive.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_story_published_with_an_earlier_date_adds_its_year_to_the_next_archive_list_and_no_empty_year_between()
    {
        var before = (await App.CreateReader().GetDocumentAsync("/")).One(".archive-months");
        Assert.Equal(["/2025", "/2024"], before.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));

        var editor = await App.SignInAsync(Roles.Editor);
        var authorId = await App.WithDbAsync(db => db.Authors.Select(a => a.Id).FirstAsync());
        using var published = await editor.SubmitAsync(await editor.GetDocumentAsync("/admin/articles/new"), new Dictionary<string, string>
        {
            ["Input.Headline"] = "The 2022 floods, from the paper's print archive",
            ["Input.Body"] = "Typed in from the August 2022 edition.",
            ["Input.AuthorId"] = authorId.ToString(CultureInfo.InvariantCulture),
            ["Input.PublishAt"] = "2022-08-26T10:00",
        }, "form.story-form", "button[formaction*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var after = (await App.CreateReader().GetDocumentAsync("/")).One(".archive-months");
        // 2023 has no story, and so no archive page to link to.
        Assert.Equal(["/2025", "/2024", "/2022"], after.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
        using var empty = await App.CreateReader().GetAsync("/2023");
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
    }

    [Fact]
    public async Task A_year_archive_shows_the_months_of_that_year()
    {
        var archive = (await App.CreateReader().GetDocumentAsync("/2024")).One(".archive-months");

        Assert.Equal("Archives for 2024", archive.One("h2").Text());
        Assert.Equal(["/2024/08"], archive.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
    }
}
