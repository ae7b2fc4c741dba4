using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Search;

/// <summary>
/// Search on SQLite's FTS5: the <c>ArticleSearch</c> table holds every story's words, stemmed in English
/// (Porter), and triggers on the stories, their authors, sections and tags keep it in step (see the
/// <c>ArticleSearch</c> migration). What readers may see is decided here by the same rule as every other page.
/// </summary>
public sealed class SqliteSearchIndex(NewsDb db) : ISearchIndex
{
    /// <summary>Column weights for bm25, in the table's column order: a headline match counts ten times a body match.</summary>
    private const string Weights = "10.0, 5.0, 1.0, 3.0, 2.0, 4.0";

    private const int SnippetWords = 28;

    public async Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, int skip, int take, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        var match = MatchExpression(query);
        var stories = db.Articles.PublishedAt(nowUtc);
        // The count needs no ranking: the matches' ids, checked against the visible stories' index.
        var matching = db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH @match",
            new SqliteParameter("match", match));
        var total = await stories.CountAsync(a => matching.Contains(a.Id), cancellationToken);
        if (total <= skip)
        {
            return new SearchResults(total, []);
        }

        // Stories with every term in the headline come first; then the bm25 score, rounded so that stories
        // matching about equally well come newest first, as readers of news expect. The matches are scored
        // once, before any story is looked at (MATERIALIZED): left to itself, SQLite walked every story and
        // ran the search again for each, which took seconds on a large archive.
        var scored = db.Database.SqlQueryRaw<ScoredRow>(
            $"""
            WITH hits AS MATERIALIZED (
                SELECT rowid AS Id, round(bm25(ArticleSearch, {Weights}), 0) AS Score
                FROM ArticleSearch
                WHERE ArticleSearch MATCH @match)
            SELECT Id, Id IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH @headline) AS InHeadline, Score
            FROM hits
            """,
            new SqliteParameter("match", match),
            new SqliteParameter("headline", "Headline : (" + AllOf(query) + ")"));
        var visible = scored.Join(stories, s => s.Id, a => a.Id, (s, a) => new { s.InHeadline, s.Score, Article = a });

        var page = await visible
            .OrderByDescending(r => r.InHeadline).ThenBy(r => r.Score).ThenByDescending(r => r.Article.PublishedAt).ThenByDescending(r => r.Article.Id)
            .Skip(skip)
            .Take(take)
            .Select(r => new
            {
                r.Article.Id,
                r.Article.Slug,
                PublishedAt = r.Article.PublishedAt!.Value,
                SectionName = r.Article.Section == null ? null : r.Article.Section.Name,
                SectionSlug = r.Article.Section == null ? null : r.Article.Section.Slug,
                Credit = r.Article.Byline ?? r.Article.Author.Name,
            })
            .ToListAsync(cancellationToken);

        var ids = JsonSerializer.Serialize(page.ConvertAll(p => p.Id));
        var marked = await db.Database.SqlQueryRaw<MarkedRow>(
            $"""
            SELECT rowid AS Id,
                   highlight(ArticleSearch, 0, @start, @end) AS Headline,
                   highlight(ArticleSearch, 1, @start, @end) AS Standfirst,
                   snippet(ArticleSearch, 2, @start, @end, '…', {SnippetWords}) AS Body
            FROM ArticleSearch
            WHERE ArticleSearch MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))
            """,
            new SqliteParameter("match", match),
            new SqliteParameter("start", MarkedText.Start.ToString()),
            new SqliteParameter("end", MarkedText.End.ToString()),
            new SqliteParameter("ids", ids)).ToDictionaryAsync(m => m.Id, cancellationToken);

        var hits = page.ConvertAll(p =>
        {
            var text = marked[p.Id];
            return new SearchHit(text.Headline, p.Slug, p.PublishedAt, p.SectionName, p.SectionSlug, p.Credit, Snippet(text));
        });
        return new SearchResults(total, hits);
    }

    /// <summary>The standfirst when the words are in it, else the passage of the body around them.</summary>
    private static string Snippet(MarkedRow text) =>
        text.Standfirst is { } standfirst && (MarkedText.HasMatch(standfirst) || !MarkedText.HasMatch(text.Body))
            ? standfirst
            : MarkedText.FromMarkdown(text.Body);

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

    private sealed record ScoredRow(int Id, bool InHeadline, double Score);

    private sealed record MarkedRow(int Id, string Headline, string? Standfirst, string Body);
}
