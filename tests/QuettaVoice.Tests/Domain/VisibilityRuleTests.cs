using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Domain;

/// <summary>
/// Search finds the stories readers may see as all its matches but the hidden ones, so the two rules must split
/// every story between them, in the store's own SQL.
/// </summary>
public sealed class VisibilityRuleTests : SiteTest
{
    [Fact]
    public async Task Every_story_is_either_published_or_hidden_and_never_both()
    {
        var now = TestApp.Start.UtcDateTime;
        DateTime?[] times = [null, now.AddDays(-1), now, now.AddSeconds(1)];
        var stories = await App.WithDbAsync(async db =>
        {
            var author = TestData.Author();
            var added = Enum.GetValues<ArticleStatus>()
                .SelectMany(status => times.Select(time =>
                {
                    var article = TestData.Article(author, status: status);
                    article.PublishedAt = time;
                    return article;
                }))
                .ToList();
            db.Articles.AddRange(added);
            await db.SaveChangesAsync();
            return added.ToDictionary(a => a.Id, a => (a.Status, a.PublishedAt));
        });

        var published = await App.WithDbAsync(db => db.Articles.PublishedAt(now).Select(a => a.Id).ToListAsync());
        var hidden = await App.WithDbAsync(db => db.Articles.HiddenAt(now).Select(a => a.Id).ToListAsync());

        Assert.Empty(published.Intersect(hidden));
        Assert.Equal(stories.Keys.Order(), published.Concat(hidden).Order());
        Assert.Equal(
            stories.Where(s => s.Value.Status is ArticleStatus.Published or ArticleStatus.Scheduled && s.Value.PublishedAt <= now).Select(s => s.Key).Order(),
            published.Order());
    }
}
