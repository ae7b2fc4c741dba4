using Microsoft.EntityFrameworkCore;

namespace QuettaVoice.Web.Data;

/// <summary>The store on a PostgreSQL server, with its migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresNewsDb(DbContextOptions<PostgresNewsDb> options) : NewsDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTimestampConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTimestampConverter>();
    }
}
