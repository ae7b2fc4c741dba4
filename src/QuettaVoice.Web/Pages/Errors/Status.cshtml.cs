using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Errors;

/// <summary>The page a reader sees for a 4xx or 5xx status: what happened and where to go next.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class StatusModel(NewsDb db) : PageModel
{
    public int Code { get; private set; }
    public IReadOnlyList<SectionLink> Sections { get; private set; } = [];

    public async Task OnGetAsync(int code, CancellationToken cancellationToken)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status404NotFound)
        {
            Sections = await SectionLink.ListAsync(db, cancellationToken);
        }
    }

    public Task OnPostAsync(int code, CancellationToken cancellationToken) => OnGetAsync(code, cancellationToken);
}
