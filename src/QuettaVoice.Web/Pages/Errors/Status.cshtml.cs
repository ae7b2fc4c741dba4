using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Errors;

/// <summary>The page a reader sees for a 4xx or 5xx status: what happened and where to go next.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class StatusModel(NewsDb db, SectionList sectionList) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public IReadOnlyList<SectionLink> Sections { get; private set; } = [];

    public async Task OnGetAsync(int code, CancellationToken cancellationToken)
    {
        // Asked for by its own address, no status is being explained: there is no page there.
        var explaining = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Code = explaining && code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        (Title, Message) = Code switch
        {
            404 => ("Page not found", "We could not find that page. The story may have moved, or the address may be mistyped."),
            400 => ("Bad request", "Your browser sent something we could not understand. Please go back and try again."),
            403 => ("Not allowed", "You do not have permission to see this page."),
            405 => ("Not allowed", "That action is not possible on this page."),
            410 => ("Story removed", "This story has been taken down and is no longer available."),
            413 => ("Too large", "What you sent is larger than we accept."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            >= 500 => ("Something went wrong", "Something went wrong on our side. Please try again in a moment."),
            _ => ("Something went wrong", "Please go back and try again."),
        };
        PageMeta.Set(ViewData, new PageMeta { Title = Title, Description = Message });
        if (Code is StatusCodes.Status404NotFound or StatusCodes.Status410Gone)
        {
            Sections = await sectionList.ListAsync(db, cancellationToken);
        }
    }

    public Task OnPostAsync(int code, CancellationToken cancellationToken) => OnGetAsync(code, cancellationToken);

    /// <summary>
    /// The page is shown again with the method of the request that failed, whatever it was (PUT, DELETE, OPTIONS...):
    /// with no handler for that method it is described here, rather than sent out blank.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            var code = int.TryParse(RouteData.Values["code"] as string, CultureInfo.InvariantCulture, out var number) ? number : 0;
            await OnGetAsync(code, HttpContext.RequestAborted);
        }

        await next();
    }
}
