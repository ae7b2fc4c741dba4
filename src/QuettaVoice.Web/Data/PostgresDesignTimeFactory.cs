using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QuettaVoice.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; adding a migration needs no server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsDb>
{
    public PostgresNewsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsDb>().UseNpgsql("Host=127.0.0.1;Database=quettavoice_design").Options);
}
