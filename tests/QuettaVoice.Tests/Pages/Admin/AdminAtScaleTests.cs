using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>
/// The newsroom's pages cost what they show, not what the archive holds. The lists read one page of rows by an
/// index: the SQL each page really sends is asked of SQLite's planner, which must not sort the whole table (or
/// every comment of a status) to find the page; at 100,000 stories and a million comments such a sort took 0.2 to
/// 1.3 seconds a view. Tags are counted, read and merged by their tagging rows alone: through the stories, a merge
/// took 6 to 50 seconds and gigabytes of temporary space.
/// </summary>
public sealed partial class AdminAtScaleTests() : SiteTest(seed: true)
{
    [SkippableTheory]
    [InlineData(Roles.Editor, "/admin/articles", "FROM \"Articles\"", "IX_Articles_UpdatedAt_Status")]
    [InlineData(Roles.Editor, "/admin/articles?status=Published", "FROM \"Articles\"", "IX_Articles_Status_UpdatedAt")]
    [InlineData(Roles.Moderator, "/admin/comments?tab=Approved", "FROM \"Comments\"", "IX_Comments_Status_ModeratedAt_Id")]
    [InlineData(Roles.Moderator, "/admin/comments?tab=Spam", "FROM \"Comments\"", "IX_Comments_Status_ModeratedAt_Id")]
    public async Task A_newsroom_list_finds_its_page_by_an_index_without_sorting_the_table(string role, string url, string table, string index)
    {
        Skip.If(TestDatabase.IsPostgres, "The plans asked for are SQLite's, the store of one server.");
        var client = await App.SignInAsync(role);
        var sent = new ConcurrentQueue<string>();
        App.SqlCommands.Recorded = sent;

        using var page = await client.GetAsync(url);

        App.SqlCommands.Recorded = null;
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var listing = Assert.Single(sent, sql => sql.Contains(table, StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal));
        var plan = await PlanAsync(listing);
        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    /// <summary>The SQL a request sends, recorded.</summary>
    private async Task<List<string>> SentWhileAsync(Func<Task> request)
    {
        var sent = new ConcurrentQueue<string>();
        App.SqlCommands.Recorded = sent;
        try
        {
            await request();
        }
        finally
        {
            App.SqlCommands.Recorded = null;
        }

        return [.. sent];
    }

    /// <summary>A story tagged "Gwadar" and "Port", and another tagged "Gwadar Port"; the first's id.</summary>
    private Task<int> TagStoriesAsync() => App.WithDbAsync(async db =>
    {
        var author = TestData.Author();
        var first = TestData.Article(author, headline: "Gwadar port traffic doubles");
        first.Tags.Add(TestData.Tag("Gwadar"));
        first.Tags.Add(TestData.Tag("Port"));
        var second = TestData.Article(author, headline: "Fishermen at the port");
        second.Tags.Add(TestData.Tag("Gwadar Port"));
        db.Articles.AddRange(first, second);
        await db.SaveChangesAsync();
        return first.Id;
    });

    private static bool JoinsStoriesToTaggings(string sql) =>
        sql.Contains("\"Articles\"", StringComparison.Ordinal) && sql.Contains("\"ArticleTags\"", StringComparison.Ordinal);

    // Tag work reads the rows that say which story carries which tag, never the stories: joined to the stories (as
    // EF joins a story's Include or a tag's count through them), SQLite built the join for the whole archive first.
    [Fact]
    public async Task The_tags_page_counts_stories_without_reading_them()
    {
        await TagStoriesAsync();
        var editor = await App.SignInAsync(Roles.Editor);

        var sent = await SentWhileAsync(() => editor.GetDocumentAsync("/admin/tags"));

        Assert.Contains(sent, sql => sql.Contains("\"ArticleTags\"", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, JoinsStoriesToTaggings);
    }

    [Fact]
    public async Task Opening_a_story_in_the_editor_reads_its_tags_by_its_own_taggings()
    {
        var id = await TagStoriesAsync();
        var editor = await App.SignInAsync(Roles.Editor);
        AngleSharp.Dom.IDocument form = null!;

        var sent = await SentWhileAsync(async () => form = await editor.GetDocumentAsync($"/admin/articles/{id}/edit"));

        Assert.Equal("Gwadar, Port", form.ValueOf("Input.Tags"));
        Assert.DoesNotContain(sent, JoinsStoriesToTaggings);
    }

    [Fact]
    public async Task Merging_tags_reads_no_story()
    {
        await TagStoriesAsync();
        var editor = await App.SignInAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync("/admin/tags");

        var sent = await SentWhileAsync(async () =>
        {
            using var merged = await editor.SubmitAsync(page, new Dictionary<string, string> { ["Merge.From"] = "Port", ["Merge.Into"] = "Gwadar Port" }, "form.merge-form");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, merged.StatusCode);
        });

        Assert.DoesNotContain(sent, sql => sql.Contains("\"Body\"", StringComparison.Ordinal) || JoinsStoriesToTaggings(sql));
        Assert.Equal(["Gwadar", "Gwadar Port"], await App.WithDbAsync(db => db.Tags.Where(t => t.Articles.Any(a => a.Headline == "Gwadar port traffic doubles")).Select(t => t.Name).OrderBy(n => n).ToListAsync()));
    }

    /// <summary>SQLite's plan for <paramref name="sql"/>, its parameters left unknown, as they are when it is planned.</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={App.Database.FilePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
