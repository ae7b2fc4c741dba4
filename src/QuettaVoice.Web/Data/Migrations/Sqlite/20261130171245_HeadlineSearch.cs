using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The headlines alone in an FTS5 index of their own, for search's first tier (stories with every word in the
    /// headline). Asking <c>ArticleSearch</c> for its headline column walks every story's positions of each word,
    /// body included, and bm25 walks them again for its document counts: about 15 ms a query at 100,000 stories,
    /// where this index answers in well under one. Contentless: it keeps only the words, not a second copy of the
    /// text. Triggers keep it in step, whoever changes a headline.
    /// </summary>
    public partial class HeadlineSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE HeadlineSearch USING fts5(
                    Headline,
                    content = '', contentless_delete = 1,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("INSERT INTO HeadlineSearch (rowid, Headline) SELECT Id, Headline FROM Articles;");

            migrationBuilder.Sql("""
                CREATE TRIGGER HeadlineSearch_ArticleInserted AFTER INSERT ON Articles BEGIN
                INSERT INTO HeadlineSearch (rowid, Headline) VALUES (new.Id, new.Headline);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER HeadlineSearch_HeadlineChanged AFTER UPDATE OF Headline ON Articles BEGIN
                DELETE FROM HeadlineSearch WHERE rowid = old.Id;
                INSERT INTO HeadlineSearch (rowid, Headline) VALUES (new.Id, new.Headline);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER HeadlineSearch_ArticleDeleted AFTER DELETE ON Articles BEGIN
                DELETE FROM HeadlineSearch WHERE rowid = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ArticleInserted", "HeadlineChanged", "ArticleDeleted" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS HeadlineSearch_{trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS HeadlineSearch;");
        }
    }
}
