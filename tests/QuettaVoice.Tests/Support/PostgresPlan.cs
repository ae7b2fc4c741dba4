using Npgsql;

namespace QuettaVoice.Tests.Support;

/// <summary>PostgreSQL's plan for a statement the site sent, with its values, one line a step.</summary>
public static class PostgresPlan
{
    /// <summary>
    /// <paramref name="pricedOut"/> are planner settings (<c>SET enable_seqscan = off</c>...) run first: a test store
    /// has a few stories, which PostgreSQL would rather read whole than through an index, so a plan shows what an
    /// index can do only with the other ways priced out.
    /// </summary>
    public static async Task<List<string>> OfAsync(string connectionString, SqlCommandCounter.SentCommand statement, string pricedOut)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var settings = new NpgsqlCommand(pricedOut, connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + statement.Sql, connection);
        foreach (var (name, value) in statement.Parameters)
        {
            explain.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value ?? DBNull.Value });
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(0));
        }

        return steps;
    }
}
