using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// Makes the pages the page cache cannot answer a few at a time (<see cref="RenderTurnOptions.Running"/>), in the
/// order they were asked for. Made all at once, they shared the cores in slices and finished in no order: under 32
/// readers at once the slowest hundredth of front pages took 25-30 ms where the median took 14. Taking turns, each
/// page runs on a core from start to end and the rest wait in line, so the same number of pages a second is served
/// with the slowest close to the median. Cached pages, files and form posts do not wait; a page gives its turn
/// back as its answer starts, so a reader on a slow connection never holds one while the page is sent. An error
/// page made for a request (a 404) is a page of its own, and waits in line again.
/// </summary>
public sealed class RenderTurns(IOptions<RenderTurnOptions> options, DatabaseOptions database) : IMiddleware, IDisposable
{
    // A waiting reader holds neither a thread nor a core, so nobody is turned away: the line only sets the order.
    private readonly ConcurrencyLimiter turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.RunningFor(database.Provider),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Pages waiting for a turn now.</summary>
    public long Waiting => turns.GetStatistics()?.CurrentQueuedCount ?? 0;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!TakesTurn(context))
        {
            await next(context);
            return;
        }

        RateLimitLease lease;
        try
        {
            lease = await turns.AcquireAsync(1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The reader left while waiting. Readers of the same page waiting on this request in the page cache
            // would be handed its exception as their own, an error page; an answer the cache does not keep lets
            // them make the page themselves.
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            return;
        }

        var turn = new Turn(lease);
        try
        {
            if (!lease.IsAcquired)
            {
                // Only while the site stops: the line is closed and its readers sent away.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.OnStarting(static turn => ((Turn)turn).GiveBack(), turn);
            await next(context);
        }
        finally
        {
            await turn.GiveBack();
        }
    }

    public void Dispose() => turns.Dispose();

    /// <summary>
    /// Reads without a body only: a form post, or a read sent with a body, may wait on its reader's upload, which
    /// must not hold a turn.
    /// </summary>
    private static bool TakesTurn(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !(context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0)
        && context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null
        && endpoint.Metadata.GetMetadata<TakesNoRenderTurnAttribute>() is null;

    /// <summary>A turn, given back once: when the answer starts or when the request ends, whichever comes first.</summary>
    private sealed class Turn(RateLimitLease lease)
    {
        private int givenBack;

        public Task GiveBack()
        {
            if (Interlocked.Exchange(ref givenBack, 1) == 0)
            {
                lease.Dispose();
            }

            return Task.CompletedTask;
        }
    }
}
