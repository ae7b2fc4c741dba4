using Microsoft.AspNetCore.Mvc;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>The masthead's list of sections, on every page.</summary>
public sealed class SectionNavViewComponent(NewsDb db, SectionList sections) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sections.ListAsync(db, HttpContext.RequestAborted));
}
