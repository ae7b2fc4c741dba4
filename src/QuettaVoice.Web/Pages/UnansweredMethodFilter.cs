using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QuettaVoice.Web.Pages;

/// <summary>
/// Answers 405, naming the methods the page does take, when a request's method has no handler on the page: a POST
/// to a section's page, or a story's without its comment handler. Left to Razor Pages, such a request rendered the
/// page without running any handler, with none of its data read, and ended in a 500.
/// </summary>
public sealed class UnansweredMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !IsErrorPageShownAgain(context.HttpContext))
        {
            // A method whose handlers all have names (the story's POST, at ?handler=Comment) is not taken at the address itself.
            var taken = context.ActionDescriptor.HandlerMethods.Where(h => h.Name is null).Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
            if (taken.IndexOf(HttpMethods.Get) is var get and >= 0)
            {
                taken.Insert(get + 1, HttpMethods.Head);
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", taken);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }

    /// <summary>An error page, shown again for a failed request with its method: it answers whatever the method was.</summary>
    private static bool IsErrorPageShownAgain(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}
