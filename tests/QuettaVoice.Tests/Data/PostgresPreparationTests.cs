using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Data;

public sealed class PostgresPreparationTests() : SiteTest(seed: true)
{
    [Fact]
    public void Automatic_preparation_is_turned_on_when_the_connection_string_does_not_say()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresPreparation.WithAutoPrepare("Host=db;Database=quettavoice;Username=site"));

        Assert.Equal(PostgresPreparation.MostPrepared, settings.MaxAutoPrepare);
        Assert.Equal(PostgresPreparation.RunsBeforePreparing, settings.AutoPrepareMinUsages);
        Assert.Equal("db", settings.Host);
        Assert.Equal("quettavoice", settings.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=7")]
    [InlineData("Host=db;maxautoprepare=0;AUTOPREPAREMINUSAGES=7")]
    public void An_administrators_own_preparation_settings_are_kept(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresPreparation.WithAutoPrepare(connectionString));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(7, settings.AutoPrepareMinUsages);
    }

    [SkippableFact]
    public async Task A_query_the_site_runs_again_is_prepared_on_the_server()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "Preparing statements on the server is PostgreSQL's.");

        var prepared = await App.WithDbAsync(async db =>
        {
            // One physical connection throughout, as a page's queries have.
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < PostgresPreparation.RunsBeforePreparing + 1; i++)
            {
                Assert.True(await db.Sections.Where(s => s.Slug != "none-such").CountAsync() is > 0 and < 1000);
            }

            return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        });

        Assert.Contains(prepared, sql => sql.Contains("\"Sections\"", StringComparison.Ordinal));
    }
}
