using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages.Admin;

public sealed class DashboardTests : SiteTest
{
    [Fact]
    public async Task The_dashboard_counts_what_waits_what_is_due_and_what_went_out_today_in_quetta()
    {
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            db.Articles.AddRange(
                TestData.Article(author, status: ArticleStatus.Draft),
                TestData.Article(author, status: ArticleStatus.Draft),
                TestData.Article(author, status: ArticleStatus.InReview),
                TestData.Article(author, status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(1)),
                // 14:00 in Quetta now: 19:30 UTC yesterday was already today (00:30) in Quetta, 18:30 UTC was not.
                TestData.Article(author, publishedAt: new DateTimeOffset(2025, 7, 2, 19, 30, 0, TimeSpan.Zero)),
                TestData.Article(author, publishedAt: new DateTimeOffset(2025, 7, 2, 18, 30, 0, TimeSpan.Zero)));
            return db.SaveChangesAsync();
        });
        var editor = await App.SignInAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync("/admin");

        Assert.Equal("2", page.One("#count-drafts").Text());
        Assert.Equal("1", page.One("#count-review").Text());
        Assert.Equal("1", page.One("#count-scheduled").Text());
        Assert.Equal("1", page.One("#count-today").Text());
        Assert.Equal("2", page.One("#count-published").Text());
    }
}
