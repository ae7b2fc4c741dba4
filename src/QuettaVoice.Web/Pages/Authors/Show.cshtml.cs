using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Pages.Shared;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Authors;

[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDb db, ReadCache readCache, TimeProvider clock, IOptions<SiteOptions> site, LibraryPictures library) : PageModel
{
    public AuthorView Author { get; private set; } = null!;

    /// <summary>
    /// The photo's copies when it is the library's, for the browser to fetch the smallest that fills the avatar: the
    /// address an editor pastes is of the 960-pixel copy, ten times the avatar's width.
    /// </summary>
    public ResponsiveImage? Photo { get; private set; }
    public StoryPage Stories { get; private set; } = null!;

    public sealed record AuthorView(string Name, string Slug, string? Bio, string? PhotoPath);

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] int? pageNumber, CancellationToken cancellationToken)
    {
        if (pageNumber == 1)
        {
            return RedirectPermanent($"/author/{Uri.EscapeDataString(slug)}");
        }

        var found = await ListOwner.AuthorAsync(db, slug, cancellationToken);
        if (found is null
            || await StoryPage.LoadAsync(db, NewestFirst.OfAuthor, found.Id, clock.GetUtcNow().UtcDateTime, readCache, pageNumber, $"/author/{slug}", site.Value.FindTimeZone(), cancellationToken) is not { } stories)
        {
            return NotFound();
        }

        var author = new AuthorView(found.Name, slug, found.Description, found.PhotoPath);
        (Author, Stories) = (author, stories);
        Photo = author.PhotoPath is { } path && library.Find(path) is { } item ? ResponsiveImage.For(item) : null;
        var description = StoryRenderer.Teaser(author.Bio ?? "") ?? $"Stories by {author.Name} in {site.Value.Name}.";
        PageMeta.Set(ViewData, PageMeta.ForList(author.Name, description, stories.Pager));
        return Page();
    }
}
