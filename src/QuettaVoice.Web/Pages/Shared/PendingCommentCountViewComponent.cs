using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>How many comments wait for a moderator, beside "Comments" in the newsroom's navigation.</summary>
public sealed class PendingCommentCountViewComponent(NewsDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, HttpContext.RequestAborted);
        return Content(waiting == 0 ? "" : $" ({waiting})");
    }
}
