using System.Collections.Concurrent;
using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data.Migrations.Postgres;

namespace QuettaVoice.Tests.Data;

/// <summary>
/// On PostgreSQL the front page finds its newest stories by reading an index in date order: the statement it really
/// sends, with its values, is asked of PostgreSQL's planner, which must not sort the stories to find the page.
/// Without the index it read and sorted every story (6-9 ms of the server's time a front page at 10,000 stories).
/// </summary>
public sealed class PostgresLatestStoriesPlanTests() : SiteTest(seed: true)
{
    [SkippableFact]
    public async Task The_front_page_reads_its_newest_stories_from_an_index_in_date_order_without_sorting_them()
    {
        TestDatabase.SkipUnlessPostgres();
        var sent = new ConcurrentQueue<SqlCommandCounter.SentCommand>();
        App.SqlCommands.RecordedWithValues = sent;

        using var page = await App.CreateReader().GetAsync("/");

        App.SqlCommands.RecordedWithValues = null;
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var latest = Assert.Single(sent, command => command.Sql.Contains("FROM \"Articles\"", StringComparison.Ordinal)
            && command.Sql.Contains("ORDER BY a.\"PublishedAt\" DESC, a.\"Id\" DESC", StringComparison.Ordinal)
            && !command.Sql.Contains("SectionId", StringComparison.Ordinal));
        // A seed site has a story or two, which PostgreSQL would rather read whole, or sort, than read in order from
        // an index; those ways are priced out, so the plan shows whether an index gives the stories in date order.
        var plan = await PostgresPlan.OfAsync(App.Database.ConnectionString, latest, "SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off");
        Assert.Contains(plan, step => step.Contains(ArticlesByDate.IndexName, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal));
    }
}
