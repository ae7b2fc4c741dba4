using System.Collections.Concurrent;
using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Tests.Search;

/// <summary>
/// On PostgreSQL a search first asks for the stories with every word in the headline, and finds them in the headlines'
/// own index: the statement it really sends, with its values, is asked of PostgreSQL's planner. Asked of the whole
/// story's vector instead, every story with the words anywhere was read to check their weights (2 s for "gwadar
/// port" at 100,000 stories).
/// </summary>
public sealed class PostgresHeadlineSearchPlanTests() : SiteTest(seed: false)
{
    [SkippableFact]
    public async Task Stories_with_every_word_in_the_headline_are_found_in_the_index_of_headlines()
    {
        TestDatabase.SkipUnlessPostgres();
        // Enough headline matches to fill a page, so the headline page is the one asked for.
        await App.WithDbAsync(async db =>
        {
            var author = TestData.Author();
            for (var i = 0; i < Pager.DefaultPageSize + 1; i++)
            {
                db.Articles.Add(TestData.Article(author, headline: $"Gwadar port berth {i}", publishedAt: TestApp.Start.AddDays(-i - 1)));
            }

            await db.SaveChangesAsync();
        });
        var sent = new ConcurrentQueue<SqlCommandCounter.SentCommand>();
        App.SqlCommands.RecordedWithValues = sent;

        using var results = await App.CreateReader().GetAsync("/search?q=gwadar+port");

        App.SqlCommands.RecordedWithValues = null;
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("Gwadar", await results.Content.ReadAsStringAsync());
        var headlines = Assert.Single(sent, command => command.Sql.Contains("\"InHeadline\"", StringComparison.Ordinal)
            && !command.Sql.Contains("ts_rank_cd", StringComparison.Ordinal));
        var plan = await PostgresPlan.OfAsync(App.Database.ConnectionString, headlines, "SET enable_seqscan = off");
        Assert.Contains(plan, step => step.Contains("IX_ArticleSearch_Headline", StringComparison.Ordinal));
    }
}
