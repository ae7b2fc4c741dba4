using Microsoft.EntityFrameworkCore;

namespace QuettaVoice.Web.Data;

/// <summary>
/// Statements read one after another on one connection. Left to itself, EF opens the connection before each
/// statement and closes it after, and every open of a SQLite connection sets its functions up again: for a page
/// of three statements, about 3% of its processor time. Nested uses share the outer one's connection.
/// </summary>
public static class OneConnection
{
    public static async Task<T> ReadAsync<T>(this NewsDb db, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await read();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
