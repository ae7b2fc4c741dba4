using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>
/// The newsroom's lists read one page of rows by an index, whatever the size of the archive: the SQL each page
/// really sends is asked of SQLite's planner, which must not sort the whole table (or every comment of a status)
/// to find the page. At 100,000 stories and a million comments such a sort took 0.2 to 1.3 seconds a view.
/// </summary>
public sealed partial class AdminListQueryPlanTests() : SiteTest(seed: true)
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
