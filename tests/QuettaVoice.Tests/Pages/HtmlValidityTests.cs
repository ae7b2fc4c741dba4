using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Pages;

/// <summary>Every kind of public page, checked by the W3C's own checker.</summary>
public sealed class HtmlValidityTests() : SiteTest(seed: true)
{
    
    public override async Task InitializeAsync() =>
        await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(
                TestData.Author(), headline: "Schools reopen in Zhob", standfirst: "Attendance was low on the first day.",
                section: db.Sections.Single(s => s.Slug == "education"), dateline: "ZHOB",
                body: "First *paragraph* with [a link](https://example.org).\n\n> A quotation.\n\n| Year | Pupils |\n|---|---|\n| 2025 | 120 |");
            story.Tags.Add(TestData.Tag());
            story.FeaturedImage = new FeaturedImage { Path = "/media/zhob.jpg", Caption = "A classroom in Zhob", Credit = "QV", AltText = "Pupils at their desks" };
            db.Articles.Add(story);
            await db.SaveChangesAsync();
            var first = new Comment { ArticleId = story.Id, AuthorName = "Gul Khan", AuthorEmail = "gul@example.pk", AuthorWebsite = "https://gul.example.pk", Body = "Good news.\n\nSee https://example.pk/report.", Status = CommentStatus.Approved, CreatedAt = TestApp.Start.UtcDateTime };
            db.Comments.Add(first);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment { ArticleId = story.Id, ParentId = first.Id, Depth = 2, AuthorName = "Sara", AuthorEmail = "sara@example.pk", Body = "Agreed.", Status = CommentStatus.Approved, CreatedAt = TestApp.Start.UtcDateTime });
            db.Comments.Add(new Comment { ArticleId = story.Id, AuthorName = "Waiting", AuthorEmail = "w@example.pk", Body = "Pending one.", CreatedAt = TestApp.Start.UtcDateTime });
            await db.SaveChangesAsync();
        });

    [SkippableFact]
    public async Task Public_pages_are_valid_html()
    {
        HtmlChecker.SkipUnlessAvailable();
        var reader = App.CreateReader();
        var pages = new Dictionary<string, string>();
        foreach (var (name, url) in new[]
        {
            ("front", "/"), ("seed-story", Seed.Permalink), ("story-with-image", "/2025/07/03/schools-reopen-in-zhob"),
            ("author", "/author/quetta-voice"), ("section", "/category/education"), ("tag", "/tag/out-of-school-children"),
            ("empty-section", "/category/climate"), ("not-found", "/no-such-page"), ("login", "/account/login"),
            ("search", "/search?q=Taliban+sanctions"), ("empty-search", "/search"), ("month", "/2025/07"), ("year", "/2025"),
        })
        {
            using var response = await reader.GetAsync(url);
            pages[name] = await response.Content.ReadAsStringAsync();
        }

        var admin = await App.SignInAsync(Roles.Admin);
        foreach (var (name, url) in new[]
        {
            ("dashboard", "/admin"), ("stories", "/admin/articles"), ("editor", "/admin/articles/new"), ("users", "/admin/users"),
            ("authors", "/admin/authors"), ("sections", "/admin/sections"), ("tags", "/admin/tags"), ("audit", "/admin/audit"),
            ("change-password", "/account/change-password"), ("moderation", "/admin/comments"),
            ("story-reply", "/2025/07/03/schools-reopen-in-zhob?replyto=1"),
        })
        {
            using var response = await admin.GetAsync(url);
            pages[name] = await response.Content.ReadAsStringAsync();
        }

        var errors = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [SkippableFact]
    public async Task The_checker_itself_finds_an_invalid_page()
    {
        HtmlChecker.SkipUnlessAvailable();

        var errors = await HtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["broken"] = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><ul><p>not a list item</p></ul></body></html>",
        });

        Assert.NotEmpty(errors);
    }
}
