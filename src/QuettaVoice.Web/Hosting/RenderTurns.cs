using System.Threading.RateLimiting;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// Makes the pages the page cache cannot answer a few at a time (<see cref="RenderTurnOptions.Running"/>), in the
/// order they were asked for. Made all at once, they shared the cores in slices and finished in no order: under 32
/// readers at once the slowest hundredth of front pages took 25-30 ms where the median took 14. Taking turns, each
/// page runs on a core from start to end and the rest wait in line, so the same number of pages a second is served
/// with the slowest close to the median. Cached pages, files and form posts do not wait; a page gives its turn
/// back as its answer starts, so a reader on a slow connection never holds one while the page is sent.
/// </summary>
public sealed class RenderTurns(IOptions<RenderTurnOptions> options) : IMiddleware, IDisposable
{
    // A waiting reader holds neither a thread nor a core, so nobody is turned away: the line only sets the order.
    private readonly ConcurrencyLimiter turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.Running,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!TakesTurn(context))
        {
            await next(context);
            return;
        }

        var turn = new Turn(await turns.AcquireAsync(1, context.RequestAborted));
        context.Response.OnStarting(static turn => ((Turn)turn).GiveBack(), turn);
        try
        {
            await next(context);
        }
        finally
        {
            await turn.GiveBack();
        }
    }

    public void Dispose() => turns.Dispose();

    /// <summary>Reads only: a form post is few and may wait on its reader's upload, which must not hold a turn.</summary>
    private static bool TakesTurn(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
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
