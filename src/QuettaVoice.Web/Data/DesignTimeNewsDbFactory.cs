using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QuettaVoice.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the site or its first-run import.</summary>
public sealed class DesignTimeNewsDbFactory : IDesignTimeDbContextFactory<NewsDb>
{
    public NewsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDb>().UseSqlite("Data Source=design-time.db").Options);
}
