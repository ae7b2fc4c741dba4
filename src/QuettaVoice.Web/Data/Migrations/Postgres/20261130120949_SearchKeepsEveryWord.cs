using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuettaVoice.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Search finds on PostgreSQL what it finds on SQLite (FTS5's porter and unicode61 with diacritics removed).
    /// The <c>english</c> configuration dropped stop words, so "WHO" or "US" found nothing; it kept "2.5",
    /// "quettavoice.com" or "out-of-school" as single tokens that a search for "2.5", "quettavoice" or "school"
    /// (split into words as SQLite splits them) could not reach; and "café" was not "cafe". The index now reads
    /// each text with its ASCII punctuation as spaces, through a configuration of its own: accents removed
    /// (<c>unaccent</c>, a trusted extension the database's owner may create), then the English stemmer without a
    /// stop list. Every story is indexed again.
    /// </summary>
    public partial class SearchKeepsEveryWord : Migration
    {
        /// <summary>The index function, reading each text with <paramref name="words"/> (SQL of text to tsvector); then every story again.</summary>
        private static string Reindex(System.Func<string, string> words) => $"""
            CREATE OR REPLACE FUNCTION "ArticleSearch_Reindex"(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "ArticleSearch" ("ArticleId", "Document")
                SELECT a."Id",
                       setweight({words("a.\"Headline\"")}, 'A')
                       || setweight({words("coalesce(a.\"Standfirst\", '')")}, 'B')
                       || setweight({words(TagNames)}, 'B')
                       || setweight({words("au.\"Name\" || coalesce(' ' || a.\"Byline\", '')")}, 'C')
                       || setweight({words("coalesce(s.\"Name\", '')")}, 'C')
                       || setweight({words("a.\"Body\"")}, 'D')
                FROM "Articles" AS a
                JOIN "Authors" AS au ON au."Id" = a."AuthorId"
                LEFT JOIN "Sections" AS s ON s."Id" = a."SectionId"
                WHERE a."Id" = ANY (article_ids)
                ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = excluded."Document";
            $$;
            SELECT "ArticleSearch_Reindex"(ARRAY(SELECT "Id" FROM "Articles"));
            """;

        private const string TagNames = """
            coalesce((SELECT string_agg(t."Name", ' ')
                      FROM "ArticleTags" AS at JOIN "Tags" AS t ON t."Id" = at."TagsId"
                      WHERE at."ArticlesId" = a."Id"), '')
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH DICTIONARY quettavoice_stem (TEMPLATE = snowball, Language = english);
                CREATE TEXT SEARCH CONFIGURATION quettavoice (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION quettavoice
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, quettavoice_stem;
                CREATE FUNCTION "ArticleSearch_Words"(text) RETURNS tsvector LANGUAGE sql STABLE AS $$
                    SELECT to_tsvector('quettavoice', regexp_replace($1, '[[:punct:]]+', ' ', 'g'));
                $$;
                """);
            migrationBuilder.Sql(Reindex(text => $"\"ArticleSearch_Words\"({text})"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Reindex(text => $"to_tsvector('english', {text})"));
            migrationBuilder.Sql("""
                DROP FUNCTION "ArticleSearch_Words"(text);
                DROP TEXT SEARCH CONFIGURATION quettavoice;
                DROP TEXT SEARCH DICTIONARY quettavoice_stem;
                """);
        }
    }
}
