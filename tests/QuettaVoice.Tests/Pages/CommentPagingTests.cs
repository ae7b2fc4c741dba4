using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>A story with many comments shows them twenty threads to a page, at the old site's comment-page addresses.</summary>
public sealed class CommentPagingTests() : SiteTest(seed: true)
{
    public override Task InitializeAsync() => App.WithDbAsync(async db =>
    {
        var seedId = await db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync();
        db.Comments.AddRange(Enumerable.Range(1, 50).Select(i => new Comment
        {
            ArticleId = seedId,
            AuthorName = $"Reader {i}",
            AuthorEmail = $"reader{i}@example.pk",
            Body = $"Comment number {i}.",
            CreatedAt = TestApp.Start.UtcDateTime.AddMinutes(i - 1000),
            Status = CommentStatus.Approved,
        }));
        await db.SaveChangesAsync();
    });

    private static List<string> Bodies(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".comment-list .comment-body").Select(b => b.Text()).ToList();

    [Fact]
    public async Task Comments_come_twenty_threads_to_a_page_with_links_between_the_pages()
    {
        var reader = App.CreateReader();

        var first = await reader.GetDocumentAsync(Seed.Permalink);
        var last = await reader.GetDocumentAsync(Seed.Permalink + "/comment-page-3");

        Assert.Equal("50 comments", first.One("#comments-heading").Text());
        Assert.Equal(20, Bodies(first).Count);
        Assert.Equal("Comment number 1.", Bodies(first)[0]);
        Assert.Equal(Seed.Permalink + "/comment-page-2#comments", first.One("nav[aria-label='Pages of comments'] a[rel=next]").GetAttribute("href"));
        Assert.Equal(Enumerable.Range(41, 10).Select(i => $"Comment number {i}."), Bodies(last));
        Assert.Equal(Seed.Permalink + "/comment-page-2#comments", last.One("nav[aria-label='Pages of comments'] a[rel=prev]").GetAttribute("href"));
        Assert.Null(last.QuerySelector("nav[aria-label='Pages of comments'] a[rel=next]"));
    }

    [Theory]
    [InlineData("/comment-page-4", HttpStatusCode.NotFound)]
    [InlineData("/comment-page-0", HttpStatusCode.NotFound)]
    [InlineData("/comment-page-1", HttpStatusCode.MovedPermanently)]
    public async Task A_comment_page_that_does_not_exist_or_is_the_story_itself_is_answered_so(string suffix, HttpStatusCode status)
    {
        using var response = await App.CreateReader().GetAsync(Seed.Permalink + suffix);

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.MovedPermanently)
        {
            Assert.Equal(Seed.Permalink, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_new_comment_lands_on_the_last_page_and_a_reply_on_the_page_of_what_it_answers()
    {
        var reader = App.CreateReader();
        var comment = new Dictionary<string, string> { ["Reply.Body"] = "A new thread.", ["Reply.Name"] = "Naseer", ["Reply.Email"] = "naseer@example.pk" };
        using var posted = await reader.SubmitAsync(await reader.GetDocumentAsync(Seed.Permalink), comment, "form.comment-form");
        Assert.StartsWith(Seed.Permalink + "/comment-page-3#comment-", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("A new thread.", Bodies(await reader.GetDocumentAsync(Seed.Permalink + "/comment-page-3")));

        var parent = await App.WithDbAsync(db => db.Comments.Where(c => c.Body == "Comment number 30.").Select(c => c.Id).SingleAsync());
        var replyPage = await reader.GetDocumentAsync($"{Seed.Permalink}/comment-page-2?replyto={parent}");
        Assert.Equal("Reply to Reader 30", replyPage.One("#respond h3").Text());
        // One reply link for each comment: crawlers are asked not to fetch them, nor to index what they lead to.
        var replyLinks = (await reader.GetDocumentAsync(Seed.Permalink + "/comment-page-2")).QuerySelectorAll(".comment-reply a");
        Assert.NotEmpty(replyLinks);
        Assert.All(replyLinks, a => Assert.Equal("nofollow", a.GetAttribute("rel")));
        Assert.Equal("noindex, nofollow", replyPage.One("meta[name=robots]").GetAttribute("content"));
        using var replied = await reader.SubmitAsync(replyPage, new Dictionary<string, string>(comment) { ["Reply.Body"] = "Answering thirty." }, "form.comment-form");

        Assert.StartsWith(Seed.Permalink + "/comment-page-2#comment-", replied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var bodies = Bodies(await reader.GetDocumentAsync(Seed.Permalink + "/comment-page-2"));
        Assert.Equal(bodies.IndexOf("Comment number 30.") + 1, bodies.IndexOf("Answering thirty."));
    }
}
