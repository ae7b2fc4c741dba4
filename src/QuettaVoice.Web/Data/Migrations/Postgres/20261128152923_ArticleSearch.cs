using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The weighted tsvector index behind search, and the triggers that keep it in step with the stories, whoever
    /// changes them. Weights follow SQLite's bm25 column weights: A headline; B standfirst and tags; C credit
    /// (author and byline) and section; D body. Only headline words carry A, which is how a search asks for
    /// "every term in the headline". The table is kept outside the EF model: nothing reads it but search's SQL.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <summary>Re-reads the index rows of the stories whose ids <paramref name="articleIds"/> gives (an int[] expression).</summary>
        private static string Reindex(string articleIds) =>
            $"""PERFORM "ArticleSearch_Reindex"({articleIds});""";

        /// <summary>A trigger with its own function, which re-reads the stories <paramref name="articleIds"/> names.</summary>
        private static string Trigger(string name, string events, string articleIds) => $"""
            CREATE FUNCTION "ArticleSearch_{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {Reindex(articleIds)}
                RETURN NULL;
            END;
            $$;
            CREATE TRIGGER "ArticleSearch_{name}" AFTER {events} FOR EACH ROW EXECUTE FUNCTION "ArticleSearch_{name}"();
            """;

        private static readonly string[] Triggers = ["ArticleChanged", "TagAddedOrRemoved", "AuthorRenamed", "SectionRenamed", "TagRenamed"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A deleted story's row goes with it by the foreign key.
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "ArticleSearch_Reindex"(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO "ArticleSearch" ("ArticleId", "Document")
                    SELECT a."Id",
                           setweight(to_tsvector('english', a."Headline"), 'A')
                           || setweight(to_tsvector('english', coalesce(a."Standfirst", '')), 'B')
                           || setweight(to_tsvector('english', coalesce((
                                  SELECT string_agg(t."Name", ' ')
                                  FROM "ArticleTags" AS at JOIN "Tags" AS t ON t."Id" = at."TagsId"
                                  WHERE at."ArticlesId" = a."Id"), '')), 'B')
                           || setweight(to_tsvector('english', au."Name" || coalesce(' ' || a."Byline", '')), 'C')
                           || setweight(to_tsvector('english', coalesce(s."Name", '')), 'C')
                           || setweight(to_tsvector('english', a."Body"), 'D')
                    FROM "Articles" AS a
                    JOIN "Authors" AS au ON au."Id" = a."AuthorId"
                    LEFT JOIN "Sections" AS s ON s."Id" = a."SectionId"
                    WHERE a."Id" = ANY (article_ids)
                    ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = excluded."Document";
                $$;
                """);
            migrationBuilder.Sql("""SELECT "ArticleSearch_Reindex"(ARRAY(SELECT "Id" FROM "Articles"));""");

            migrationBuilder.Sql(Trigger("ArticleChanged",
                """INSERT OR UPDATE OF "Headline", "Standfirst", "Body", "Byline", "AuthorId", "SectionId" ON "Articles" """,
                """ARRAY[NEW."Id"]"""));
            // On a story's deletion its tags' rows go too; re-reading a story that is gone writes nothing.
            migrationBuilder.Sql(Trigger("TagAddedOrRemoved",
                """INSERT OR DELETE ON "ArticleTags" """,
                """ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."ArticlesId" ELSE NEW."ArticlesId" END]"""));
            migrationBuilder.Sql(Trigger("AuthorRenamed",
                """UPDATE OF "Name" ON "Authors" """,
                """ARRAY(SELECT "Id" FROM "Articles" WHERE "AuthorId" = NEW."Id")"""));
            migrationBuilder.Sql(Trigger("SectionRenamed",
                """UPDATE OF "Name" ON "Sections" """,
                """ARRAY(SELECT "Id" FROM "Articles" WHERE "SectionId" = NEW."Id")"""));
            migrationBuilder.Sql(Trigger("TagRenamed",
                """UPDATE OF "Name" ON "Tags" """,
                """ARRAY(SELECT "ArticlesId" FROM "ArticleTags" WHERE "TagsId" = NEW."Id")"""));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping a function drops its trigger with it.
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "ArticleSearch_{trigger}"() CASCADE;""");
            }

            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ArticleSearch_Reindex"(integer[]);""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}
