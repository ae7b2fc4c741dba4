using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OutputCaching;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Hosting;
using QuettaVoice.Web.Pages.Shared;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Web.Pages.Search;

[OutputCache(PolicyName = PublicPagePolicy.Search)]
[TakesNoRenderTurn]
public sealed class IndexModel(SearchGate gate, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public SearchResults Results { get; private set; } = SearchResults.None;
    public Pager Pager { get; private set; } = null!;
    public TimeZoneInfo Zone { get; } = site.Value.FindTimeZone();

    /// <summary>Too many searches were waiting for a turn: the reader is asked to try again, their words kept in the box.</summary>
    public bool Busy { get; private set; }

    /// <summary>Seconds a reader turned away is told to wait: a queue of searches is gone in about that.</summary>
    private const int RetryAfterSeconds = 5;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (pageNumber == 1)
        {
            return RedirectPermanent("/search" + QueryString(q));
        }

        // A page so far on that its first result's place overflows: there is no such page (PostgreSQL refused the
        // negative offset the overflow made).
        if (pageNumber > int.MaxValue / Pager.DefaultPageSize)
        {
            return NotFound();
        }

        Query = SearchQuery.Parse(q);
        var number = pageNumber ?? 1;
        var pageSize = Pager.DefaultPageSize;
        // An empty query costs nothing, so it needs no turn.
        using var turn = Query.IsEmpty ? null : await gate.WaitForTurnAsync(cancellationToken);
        if (turn is { IsAcquired: false })
        {
            Busy = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        // The index, and the store context it reads through, are taken only with the turn: a crowd of searches waiting
        // held a context each, and on SQLite each context keeps its connection open (Data/StatementKeepingConnection).
        var index = HttpContext.RequestServices.GetRequiredService<ISearchIndex>();
        Results = await index.SearchAsync(Query, clock.GetUtcNow().UtcDateTime, (number - 1) * pageSize, pageSize, cancellationToken);
        if (!Query.IsEmpty)
        {
            PublicPagePolicy.ShowsQueryValue(HttpContext, Query.Text);
        }

        // Past the count's stop, the pager knows only that there is at least one more result.
        Pager = new Pager(number, Results.TotalCount + (Results.MoreThanTotal ? 1 : 0), "/search", pageSize, QueryString(Query.Text))
        {
            ByRelevance = true,
            TotalIsKnown = !Results.MoreThanTotal,
        };
        return Pager.Exists ? Page() : NotFound();
    }

    private static string QueryString(string? q) => string.IsNullOrEmpty(q) ? "" : "?q=" + Uri.EscapeDataString(q);
}
