using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuettaVoice.Web.Pages.Admin;

/// <summary>
/// What the second of two editors saving the same version of a story, author or section is told: the form comes
/// back with their changes, the first editor's save is shown beside it, and saving again replaces it knowingly.
/// </summary>
public static class SavedMeanwhile
{
    /// <param name="page">The form's page; its version field must already hold the version now saved.</param>
    /// <param name="thing">What was saved: "story", "author", "section".</param>
    /// <param name="versionField">The form's version field, whose posted value is replaced by the one now saved.</param>
    public static void Tell(PageModel page, string thing, string versionField)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.ModelState.Remove(versionField);
        page.ModelState.AddModelError("", $"Someone else saved this {thing} while you were editing it. What they saved is shown "
            + "with the form; your changes are still in the form. Save again to replace theirs with yours.");
        page.Response.StatusCode = StatusCodes.Status409Conflict;
    }
}
