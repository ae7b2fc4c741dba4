using Microsoft.Data.Sqlite;

namespace QuettaVoice.Bench;

/// <summary>
/// The addresses of the listing pages with the most stories behind them in an archive: its busiest section, author
/// and tag. A listing shows one page of stories however many there are, so the busiest is where a query that read
/// them all would show.
/// </summary>
public sealed record Listings(string SectionPath, string AuthorPath, string TagPath)
{
    public static async Task<Listings> BusiestAsync(Archive archive)
    {
        await using var connection = new SqliteConnection($"Data Source={archive.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return new Listings(
            "/category/" + await SlugAsync(connection, "SELECT s.Slug FROM Sections s JOIN Articles a ON a.SectionId = s.Id GROUP BY s.Id ORDER BY count(*) DESC LIMIT 1"),
            "/author/" + await SlugAsync(connection, "SELECT u.Slug FROM Authors u JOIN Articles a ON a.AuthorId = u.Id GROUP BY u.Id ORDER BY count(*) DESC LIMIT 1"),
            "/tag/" + await SlugAsync(connection, "SELECT t.Slug FROM Tags t JOIN ArticleTags x ON x.TagsId = t.Id GROUP BY t.Id ORDER BY count(*) DESC LIMIT 1"));
    }

    private static async Task<string> SlugAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException($"the archive at {connection.DataSource} has no stories to list for: {sql}");
    }
}
