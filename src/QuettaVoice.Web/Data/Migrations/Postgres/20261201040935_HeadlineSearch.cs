using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The headline's words in a vector and an index of their own, as SQLite has its index of headlines: search asks
    /// first for the stories with every word in the headline. Asked of the whole story's vector with headline-weighted
    /// words, the index found every story with the words anywhere, and each story's vector was read to check the
    /// weights (2 s for "gwadar port" at 100,000 stories). The column is the story vector's headline words
    /// (weight A), kept by PostgreSQL itself whenever the index function writes the vector: nothing else changes.
    /// </summary>
    public partial class HeadlineSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" ADD COLUMN "Headline" tsvector NOT NULL GENERATED ALWAYS AS (ts_filter("Document", '{a}')) STORED;
                CREATE INDEX "IX_ArticleSearch_Headline" ON "ArticleSearch" USING GIN ("Headline");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_ArticleSearch_Headline";
                ALTER TABLE "ArticleSearch" DROP COLUMN IF EXISTS "Headline";
                """);
        }
    }
}
