using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Data.Configurations;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Search on SQLite's FTS5: the <c>ArticleSearch</c> table holds every story's words, stemmed in English
/// (Porter), and triggers on the stories, their authors, sections and tags keep it in step (see the
/// <c>ArticleSearch</c> migration).
/// </summary>
public sealed class SqliteSearchIndex(NewsDb db) : RankedSearchIndex(db)
{
    /// <summary>Column weights for bm25, in the table's column order: a headline match counts ten times a body match.</summary>
    private const string Weights = "10.0, 5.0, 1.0, 3.0, 2.0, 4.0";

    /// <summary>
    /// bm25 scores better matches lower; negated, and rounded so that stories matching about equally well
    /// come newest first, as readers of news expect. Stories with every term in the headline are found in the index
    /// of headlines (the <c>HeadlineSearch</c> migration) and all score alike, in both tiers, so they come newest
    /// first and a page of the first tier and a page reaching past it order them alike. The matches are scored
    /// once, before any story's row is read (MATERIALIZED): left to itself, SQLite walked every story and ran the
    /// search again for each, which took seconds on a large archive.
    /// </summary>
    protected override IQueryable<ScoredMatch> Scored(SearchQuery query, bool headlineOnly) =>
        Db.Database.SqlQueryRaw<ScoredMatch>(
            headlineOnly
                ? $"""
                  WITH headlines AS MATERIALIZED ({HeadlineHits}{(query.NoneOf.Count == 0 ? "" : ExceptUnwanted)})
                  SELECT h.Id AS Id, 1 AS InHeadline, 0 AS Relevance, a.PublishedAt AS PublishedAt
                  FROM headlines AS h {WithTheirTimes}
                  """
                : $"""
                  WITH hits AS MATERIALIZED ({Hits}), headlines AS MATERIALIZED ({HeadlineHits})
                  SELECT h.Id AS Id, hh.Id IS NOT NULL AS InHeadline, iif(hh.Id IS NULL, h.Relevance, 0) AS Relevance, a.PublishedAt AS PublishedAt
                  FROM hits AS h LEFT JOIN headlines AS hh ON hh.Id = h.Id {WithTheirTimes}
                  """,
            new SqliteParameter("match", MatchExpression(query)),
            new SqliteParameter("headline", AllOf(query)),
            new SqliteParameter("unwanted", AnyOf(query.NoneOf)));

    /// <summary>Every story the query matches, with its score.</summary>
    private const string Hits = $"""
        SELECT rowid AS Id, -round(bm25(ArticleSearch, {Weights}), 0) AS Relevance
        FROM ArticleSearch
        WHERE ArticleSearch MATCH @match
        """;

    /// <summary>
    /// The stories with every wanted term in the headline. Each matches the whole query too, unless it holds an
    /// excluded word (<see cref="ExceptUnwanted"/>).
    /// </summary>
    private const string HeadlineHits = "SELECT rowid AS Id FROM HeadlineSearch WHERE HeadlineSearch MATCH @headline";

    /// <summary>Leaves out the headline matches with an excluded word anywhere in the story.</summary>
    private const string ExceptUnwanted = " AND rowid NOT IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH @unwanted)";

    /// <summary>
    /// Each match's story time, read from the index of times by id. SQLite would read it from the story's row,
    /// which holds the whole text: that was half of a search with tens of thousands of matches (77 ms against 37
    /// at 100,000 stories).
    /// </summary>
    private const string WithTheirTimes =
        $"JOIN Articles AS a INDEXED BY {ArticleConfiguration.PublishedAtByIdIndex} ON a.Id = h.Id";

    /// <summary>The count needs no ranking: only the matches' ids.</summary>
    public override IQueryable<int> Matching(SearchQuery query) =>
        Db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH @match",
            new SqliteParameter("match", MatchExpression(query)));

    protected override Task<Dictionary<int, MarkedMatch>> MarkedAsync(SearchQuery query, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        Db.Database.SqlQueryRaw<MarkedMatch>(
            $"""
            SELECT rowid AS Id,
                   highlight(ArticleSearch, 0, @start, @end) AS Headline,
                   NULLIF(highlight(ArticleSearch, 1, @start, @end), '') AS Standfirst, -- no standfirst is indexed as ''; it is none
                   -- a result shows its standfirst when the words are in it: the passage of the body is made only for the others
                   iif(instr(highlight(ArticleSearch, 1, @start, @end), @start) > 0, '', snippet(ArticleSearch, 2, @start, @end, '…', {SnippetWords})) AS Body
            FROM ArticleSearch
            WHERE ArticleSearch MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))
            """,
            new SqliteParameter("match", MatchExpression(query)),
            new SqliteParameter("start", MarkedText.Start.ToString()),
            new SqliteParameter("end", MarkedText.End.ToString()),
            new SqliteParameter("ids", JsonSerializer.Serialize(ids))).ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>
    /// The query in FTS5's syntax. Every word goes in as a quoted string, so no word is read as an operator
    /// or column name; the only operators are the ones written here.
    /// </summary>
    public static string MatchExpression(SearchQuery query)
    {
        var all = AllOf(query);
        return query.NoneOf.Count == 0
            ? all
            : $"({all}) NOT ({AnyOf(query.NoneOf)})";
    }

    private static string AnyOf(IEnumerable<SearchTerm> terms) => string.Join(" OR ", terms.Select(Term));

    private static string AllOf(SearchQuery query) =>
        string.Join(" AND ", query.AllOf.Select(group => group.Count == 1
            ? Term(group[0])
            : "(" + string.Join(" OR ", group.Select(Term)) + ")"));

    private static string Term(SearchTerm term) =>
        "\"" + string.Join(' ', term.Words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.IsPrefix ? " *" : "");
}
