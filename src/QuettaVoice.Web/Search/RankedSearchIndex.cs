using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Search;

/// <summary>
/// What search means on every engine: only stories readers may see now, by the same rule as every other page
/// (as all matches but <see cref="Visibility.HiddenAt"/>); stories with every term in the headline first, newest
/// first; then the others, the better matches first, then the newest; the standfirst or a passage of the body as the snippet. An engine
/// supplies only its own SQL: which stories match and how well, and their text with the matched words marked.
/// </summary>
public abstract class RankedSearchIndex(NewsDb db) : ISearchIndex
{
    /// <summary>How long a passage of the body a result shows.</summary>
    protected const int SnippetWords = 28;

    protected NewsDb Db { get; } = db;

    public async Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, int skip, int take, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        // Hidden stories are few, and found through the status index, so the visible matches can be counted as all
        // matches but those. Counting the matches that pass the visibility rule made SQLite walk every visible
        // story: 17 ms at 100,000 stories, where the engine counts its 21,191 matches for "gwadar port" in 2.
        // Counting stops one past what the reader needs to know (see SearchResults.CountedExactlyUpTo), or past the page asked for.
        var hidden = Db.Articles.HiddenAt(nowUtc).Select(a => a.Id);
        var limit = Math.Max(SearchResults.CountedExactlyUpTo, skip + take) + 1;
        var counted = await Matching(query).Where(id => !hidden.Contains(id)).Take(limit).CountAsync(cancellationToken);
        var moreThanCounted = counted == limit;
        var all = moreThanCounted ? limit - 1 : counted;
        if (all <= skip)
        {
            return new SearchResults(all, []);
        }

        // Stories with every term in the headline come before all others, so when they fill the page only they
        // need scoring: a common word at 100,000 stories is in tens of thousands of bodies, and scoring them all
        // was most of a search's time. Their page is asked for first, unless the matches cannot fill it; a page
        // they do not fill reaches past them, and is asked for again with every match scored. Counting them first,
        // to choose, took longer than their page does when it fills.
        var page = skip + take <= all ? await PageAsync(query, hidden, headlineOnly: true, skip, take, cancellationToken) : [];
        if (page.Count < take)
        {
            page = await PageAsync(query, hidden, headlineOnly: false, skip, take, cancellationToken);
        }

        var marked = await MarkedAsync(query, page.ConvertAll(p => p.Id), cancellationToken);
        var hits = page.ConvertAll(p =>
        {
            var text = marked[p.Id];
            return new SearchHit(text.Headline, p.Slug, p.PublishedAt, p.SectionName, p.SectionSlug, p.Credit, Snippet(text));
        });
        return new SearchResults(all, hits) { MoreThanTotal = moreThanCounted };
    }

    /// <summary>One page of the visible matches, best first; with <paramref name="headlineOnly"/>, of those with every term in the headline.</summary>
    private async Task<List<PageRow>> PageAsync(SearchQuery query, IQueryable<int> hidden, bool headlineOnly, int skip, int take, CancellationToken cancellationToken)
    {
        // The page is chosen from the matches alone, and only its stories are read. Reading a story for each match,
        // as the join did before the page was chosen, read tens of thousands of stories' text on SQLite.
        var page = Scored(query, headlineOnly)
            .Where(s => !hidden.Contains(s.Id))
            .OrderByDescending(s => s.InHeadline).ThenByDescending(s => s.Relevance).ThenByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip(skip)
            .Take(take);
        return await page
            .Join(Db.Articles, s => s.Id, a => a.Id, (s, a) => new PageRow(
                a.Id,
                a.Slug,
                a.PublishedAt!.Value,
                a.Section == null ? null : a.Section.Name,
                a.Section == null ? null : a.Section.Slug,
                a.Byline ?? a.Author.Name))
            .ToListAsync(cancellationToken);
    }

    private sealed record PageRow(int Id, string Slug, DateTime PublishedAt, string? SectionName, string? SectionSlug, string Credit);

    /// <summary>
    /// Every story the query matches, visible or not: the visibility rule is applied to this in LINQ. With
    /// <paramref name="headlineOnly"/>, only those with every term in the headline, scored as they are among all.
    /// </summary>
    protected abstract IQueryable<ScoredMatch> Scored(SearchQuery query, bool headlineOnly);

    /// <summary>The ids of every story the query matches, visible or not, for the count: found without scoring them.</summary>
    public abstract IQueryable<int> Matching(SearchQuery query);

    /// <summary>The marked text of the stories in <paramref name="ids"/>, by id; the body cut to about <see cref="SnippetWords"/> words.</summary>
    protected abstract Task<Dictionary<int, MarkedMatch>> MarkedAsync(SearchQuery query, IReadOnlyList<int> ids, CancellationToken cancellationToken);

    /// <summary>The standfirst when the words are in it, else the passage of the body around them.</summary>
    private static string Snippet(MarkedMatch text) =>
        text.Standfirst is { } standfirst && (MarkedText.HasMatch(standfirst) || !MarkedText.HasMatch(text.Body))
            ? standfirst
            : MarkedText.FromMarkdown(text.Body);
}
