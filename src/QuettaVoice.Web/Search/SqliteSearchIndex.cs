using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;

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
    /// come newest first, as readers of news expect. The matches are scored once, before any story is looked
    /// at (MATERIALIZED): left to itself, SQLite walked every story and ran the search again for each, which
    /// took seconds on a large archive.
    /// </summary>
    protected override IQueryable<ScoredMatch> Scored(SearchQuery query) =>
        Db.Database.SqlQueryRaw<ScoredMatch>(
            $"""
            WITH hits AS MATERIALIZED (
                SELECT rowid AS Id, -round(bm25(ArticleSearch, {Weights}), 0) AS Relevance
                FROM ArticleSearch
                WHERE ArticleSearch MATCH @match)
            SELECT Id, Id IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH @headline) AS InHeadline, Relevance
            FROM hits
            """,
            new SqliteParameter("match", MatchExpression(query)),
            new SqliteParameter("headline", "Headline : (" + AllOf(query) + ")"));

    /// <summary>The count needs no ranking: only the matches' ids.</summary>
    protected override IQueryable<int> Matching(SearchQuery query) =>
        Db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH @match",
            new SqliteParameter("match", MatchExpression(query)));

    protected override Task<Dictionary<int, MarkedMatch>> MarkedAsync(SearchQuery query, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        Db.Database.SqlQueryRaw<MarkedMatch>(
            $"""
            SELECT rowid AS Id,
                   highlight(ArticleSearch, 0, @start, @end) AS Headline,
                   highlight(ArticleSearch, 1, @start, @end) AS Standfirst,
                   snippet(ArticleSearch, 2, @start, @end, '…', {SnippetWords}) AS Body
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
            : $"({all}) NOT ({string.Join(" OR ", query.NoneOf.Select(Term))})";
    }

    private static string AllOf(SearchQuery query) =>
        string.Join(" AND ", query.AllOf.Select(group => group.Count == 1
            ? Term(group[0])
            : "(" + string.Join(" OR ", group.Select(Term)) + ")"));

    private static string Term(SearchTerm term) =>
        "\"" + string.Join(' ', term.Words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.IsPrefix ? " *" : "");
}
