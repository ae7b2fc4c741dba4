using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 index behind search, and the triggers that keep it in step with the stories, whoever changes them.
    /// A later migration that rebuilds one of these tables drops its triggers: the search tests then fail.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <summary>Re-reads the index rows of the stories that <paramref name="where"/> picks (an alias <c>a</c> for Articles).</summary>
        private static string Reindex(string where) => $"""
            DELETE FROM ArticleSearch WHERE rowid IN (SELECT a.Id FROM Articles AS a WHERE {where});
            INSERT INTO ArticleSearch (rowid, Headline, Standfirst, Body, Credit, Section, Tags)
            SELECT a.Id, a.Headline, coalesce(a.Standfirst, ''), a.Body,
                   au.Name || coalesce(' ' || a.Byline, ''),
                   coalesce(s.Name, ''),
                   coalesce((SELECT group_concat(t.Name, ' ') FROM ArticleTags AS at JOIN Tags AS t ON t.Id = at.TagsId WHERE at.ArticlesId = a.Id), '')
            FROM Articles AS a
            JOIN Authors AS au ON au.Id = a.AuthorId
            LEFT JOIN Sections AS s ON s.Id = a.SectionId
            WHERE {where};
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    Headline, Standfirst, Body, Credit, Section, Tags,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql(Reindex("1 = 1"));

            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleInserted AFTER INSERT ON Articles BEGIN
                {Reindex("a.Id = new.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_ArticleUpdated AFTER UPDATE OF Headline, Standfirst, Body, Byline, AuthorId, SectionId ON Articles BEGIN
                {Reindex("a.Id = new.Id")}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleDeleted AFTER DELETE ON Articles BEGIN
                DELETE FROM ArticleSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagAdded AFTER INSERT ON ArticleTags BEGIN
                {Reindex("a.Id = new.ArticlesId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagRemoved AFTER DELETE ON ArticleTags BEGIN
                {Reindex("a.Id = old.ArticlesId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_AuthorRenamed AFTER UPDATE OF Name ON Authors BEGIN
                {Reindex("a.AuthorId = new.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_SectionRenamed AFTER UPDATE OF Name ON Sections BEGIN
                {Reindex("a.SectionId = new.Id")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagRenamed AFTER UPDATE OF Name ON Tags BEGIN
                {Reindex("a.Id IN (SELECT ArticlesId FROM ArticleTags WHERE TagsId = new.Id)")}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "ArticleInserted", "ArticleUpdated", "ArticleDeleted", "TagAdded", "TagRemoved",
                "AuthorRenamed", "SectionRenamed", "TagRenamed",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS ArticleSearch_{trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
