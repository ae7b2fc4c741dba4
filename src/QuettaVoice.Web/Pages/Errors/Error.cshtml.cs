using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuettaVoice.Web.Pages.Errors;

/// <summary>Where an unhandled exception lands outside Development: an apology, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public IActionResult OnGet()
    {
        // Asked for by its own address, nothing failed: there is no page there.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            return NotFound();
        }

        RequestId = HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Page();
    }

    public IActionResult OnPost() => OnGet();

    /// <summary>The page is shown again with the method of the request that failed, whatever it was.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = OnGet();
        }
    }
}
