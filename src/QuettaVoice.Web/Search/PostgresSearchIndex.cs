using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Search on PostgreSQL: the <c>ArticleSearch</c> table holds every story's weighted <c>tsvector</c>, read as SQLite
/// reads it (see <see cref="Configuration"/>), and triggers on the stories, their authors, sections and tags keep it in step (see the
/// <c>ArticleSearch</c> migration in the PostgreSQL set).
/// </summary>
public sealed class PostgresSearchIndex(NewsDb db) : RankedSearchIndex(db)
{
    /// <summary>
    /// The text search configuration the index is made with (the <c>SearchKeepsEveryWord</c> migration): accents
    /// removed, English stems, no stop words. Query words need none of the index's punctuation handling: they are
    /// split as SQLite splits them (<see cref="SearchQuery"/>).
    /// </summary>
    private const string Configuration = "quettavoice";

    /// <summary>
    /// Reads every story into the index again, with the function the triggers call for the stories a change touches
    /// (the <c>ArticleSearch</c> and <c>SearchKeepsEveryWord</c> migrations): for a store filled with its triggers off.
    /// </summary>
    public const string RebuildSql = """SELECT "ArticleSearch_Reindex"(ARRAY(SELECT "Id" FROM "Articles"))""";

    /// <summary>The index's table, outside the EF model: nothing reads it but search's SQL.</summary>
    public const string Table = "ArticleSearch";

    /// <summary>
    /// ts_rank_cd's weights for D (body), C (credit, section), B (standfirst, tags) and A (headline), in the ratios
    /// of SQLite's bm25 column weights: a headline match counts ten times a body match.
    /// </summary>
    private const string Weights = "ARRAY[0.1, 0.3, 0.5, 1.0]::real[]";

    /// <summary>Each story's index row with its story's time, and the reader's words as a query.</summary>
    private const string FromMatches = $"""
        FROM "ArticleSearch" AS s
        JOIN "Articles" AS a ON a."Id" = s."ArticleId"
        CROSS JOIN (SELECT to_tsquery('{Configuration}', @wanted) AS wanted) AS q
        """;

    /// <summary>
    /// The rank is squashed into 0..1 (normalisation 32), so that repeated mentions count less and less as in
    /// bm25, and rounded to tenths so that stories matching about equally well come newest first. Stories with
    /// every word in the headline all rank alike, so they come newest first, as on SQLite. Whether the headline
    /// holds them is asked of its own small vector (the <c>HeadlineSearch</c> migration), not of the whole story's.
    /// </summary>
    private const string MatchingSql = $"""
        SELECT s."ArticleId" AS "Id",
               s."Headline" @@ q.wanted AS "InHeadline",
               CASE WHEN s."Headline" @@ q.wanted THEN 0
                    ELSE round(ts_rank_cd({Weights}, s."Document", q.wanted, 32) * 10) END::float8 AS "Relevance",
               a."PublishedAt" AS "PublishedAt"
        {FromMatches}
        WHERE s."Document" @@ q.wanted

        """;

    /// <summary>
    /// The stories with every word in the headline, found in the headlines' own index. Asked of the whole story's
    /// vector with headline-weighted words, its index found every story with the words anywhere and each had to be
    /// read to check the weights: 21,191 vectors for 171 headlines of "gwadar port" at 100,000 stories, 2 s.
    /// </summary>
    private const string HeadlineMatchingSql = $"""
        SELECT s."ArticleId" AS "Id", true AS "InHeadline", 0::float8 AS "Relevance", a."PublishedAt" AS "PublishedAt"
        {FromMatches}
        WHERE s."Headline" @@ q.wanted

        """;

    /// <summary>Written only when the reader excluded words: an empty tsquery would cost a notice on every search.</summary>
    private const string ExceptUnwanted = $"""AND NOT (s."Document" @@ to_tsquery('{Configuration}', @unwanted))""";

    /// <summary>ts_headline marks every match and cuts nothing: the passage is chosen by <see cref="MarkedText.Excerpt"/>.</summary>
    private static readonly string HighlightOptions =
        $"HighlightAll=true, StartSel=\"{MarkedText.Start}\", StopSel=\"{MarkedText.End}\"";

    protected override IQueryable<ScoredMatch> Scored(SearchQuery query, bool headlineOnly) =>
        Db.Database.SqlQueryRaw<ScoredMatch>(
            (headlineOnly, query.NoneOf.Count > 0) switch
            {
                (false, false) => MatchingSql,
                (false, true) => MatchingSql + ExceptUnwanted,
                (true, false) => HeadlineMatchingSql,
                (true, true) => HeadlineMatchingSql + ExceptUnwanted,
            },
            Text("wanted", Wanted(query)),
            Text("unwanted", Unwanted(query)));

    /// <summary>
    /// The count needs neither scores nor times: only the matches' ids, without the stories joined. They are taken from
    /// the index as a set of their own (MATERIALIZED), read only as far as the count goes. Left to itself, PostgreSQL
    /// saw that the count stops at a thousand and read the stories' vectors one after another until a thousand
    /// matched, each taken out of its compressed storage to be tested: 43 ms for "gwadar port" at 100,000 stories,
    /// where the index gives the first thousand in 8.
    /// </summary>
    private const string MatchIdsSql = $"""
        WITH matches AS MATERIALIZED (
            SELECT s."ArticleId" FROM "ArticleSearch" AS s WHERE s."Document" @@ to_tsquery('{Configuration}', @wanted)

        """;

    private const string MatchIdsEnd = """
        )
        SELECT m."ArticleId" AS "Value" FROM matches AS m
        """;

    public override IQueryable<int> Matching(SearchQuery query) =>
        Db.Database.SqlQueryRaw<int>(
            query.NoneOf.Count == 0 ? MatchIdsSql + MatchIdsEnd : MatchIdsSql + ExceptUnwanted + MatchIdsEnd,
            Text("wanted", Wanted(query)),
            Text("unwanted", Unwanted(query)));

    private const string MarkedSql = $"""
        SELECT a."Id" AS "Id",
               ts_headline('{Configuration}', a."Headline", q.wanted, @options) AS "Headline",
               ts_headline('{Configuration}', a."Standfirst", q.wanted, @options) AS "Standfirst",
               ts_headline('{Configuration}', a."Body", q.wanted, @options) AS "Body"
        FROM "Articles" AS a
        CROSS JOIN (SELECT to_tsquery('{Configuration}', @wanted) AS wanted) AS q
        WHERE a."Id" = ANY (@ids)
        """;

    protected override async Task<Dictionary<int, MarkedMatch>> MarkedAsync(SearchQuery query, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var marked = await Db.Database.SqlQueryRaw<MarkedMatch>(
            MarkedSql,
            Text("wanted", Wanted(query)),
            Text("options", HighlightOptions),
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ids.ToArray() })
            .ToListAsync(cancellationToken);
        // ts_headline reads the raw text with PostgreSQL's parser, where "quettavoice.com" or "2.5" is one token, while
        // the index read it split as SQLite does: a text it found but marked nothing in is marked by the query's words.
        string Marked(string text) => MarkedText.HasMatch(text) ? text : MarkedText.MarkWords(text, query);
        return marked.ToDictionary(m => m.Id, m => new MarkedMatch(
            m.Id, Marked(m.Headline), m.Standfirst is { } standfirst ? Marked(standfirst) : null, MarkedText.Excerpt(Marked(m.Body), SnippetWords)));
    }

    /// <summary>
    /// The terms a story must have, in to_tsquery's syntax. Every word goes in quoted, so nothing typed is read as an
    /// operator, weight or prefix mark: the only operators are the ones written here, and the text reaches the
    /// server as a parameter.
    /// </summary>
    public static string Wanted(SearchQuery query) =>
        string.Join(" & ", query.AllOf.Select(group => group.Count == 1
            ? Term(group[0])
            : "(" + string.Join(" | ", group.Select(Term)) + ")"));

    /// <summary>The terms a story must not have, any one of them.</summary>
    public static string Unwanted(SearchQuery query) =>
        string.Join(" | ", query.NoneOf.Select(Term));

    /// <summary>A phrase needs no brackets: &lt;-&gt; binds tighter than &amp; and |.</summary>
    private static string Term(SearchTerm term) =>
        string.Join(" <-> ", term.Words.Select((word, i) => Quoted(word) + (term.IsPrefix && i == term.Words.Count - 1 ? ":*" : "")));

    private static string Quoted(string word) =>
        "'" + word.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };
}
