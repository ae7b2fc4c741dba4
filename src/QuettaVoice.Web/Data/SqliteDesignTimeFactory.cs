using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QuettaVoice.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the site or its first-run import.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDb>
{
    public SqliteNewsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDb>().UseSqlite("Data Source=design-time.db").Options);
}
