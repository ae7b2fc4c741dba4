using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The newest visible stories of the whole site (the front page's list, the feed, the news sitemap) read in
    /// date order from an index. They are wanted with two statuses (published, and scheduled with its time come),
    /// and PostgreSQL cannot read the status-first index in date order across two statuses: it read every story
    /// and sorted them, 6-9 ms of the server's time for each front page at 10,000 stories, growing with the archive.
    /// The status rides along, so the index alone answers. SQLite merges the two statuses' ranges by itself
    /// (0.13 ms at 100,000 stories) and needs no such index, so the model does not carry it.
    /// </summary>
    public partial class ArticlesByDate : Migration
    {
        public const string IndexName = "IX_Articles_PublishedAt_Id";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"""CREATE INDEX "{IndexName}" ON "Articles" ("PublishedAt", "Id") INCLUDE ("Status");""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{IndexName}";""");
    }
}
