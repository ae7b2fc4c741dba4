using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Admin.Authors;

/// <summary>An author's public profile: name, address, Markdown bio, photo, and the account that writes as them.</summary>
public sealed class EditModel(NewsDb db, PicturesInText pictures, LibraryPictures library) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>The author as someone else saved them while this editor had the form open; null when nobody did.</summary>
    public Author? Theirs { get; private set; }
    public IReadOnlyList<SelectListItem> Accounts { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the author's name.")]
        [StringLength(Author.NameMaxLength)]
        public string Name { get; set; } = "";

        [StringLength(Domain.Slug.MaxLength)]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens.")]
        [Display(Name = "Address (slug; leave empty to make it from the name)")]
        public string? Slug { get; set; }

        [StringLength(10_000)]
        [Display(Name = "Bio (Markdown)")]
        public string? Bio { get; set; }

        [StringLength(300)]
        [RegularExpression("^/media/[A-Za-z0-9._/-]+$", ErrorMessage = "Use the address of an image from the media library (/media/...).")]
        [Display(Name = "Photo (address from the media library)")]
        public string? PhotoPath { get; set; }

        [Display(Name = "Newsroom account")]
        public string? UserId { get; set; }

        /// <summary>The version the form was filled from (<see cref="Author.Version"/>).</summary>
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not null)
        {
            if (await db.Authors.FindAsync(id) is not { } author)
            {
                return NotFound();
            }

            Input = new InputModel { Name = author.Name, Slug = author.Slug, Bio = author.Bio, PhotoPath = author.PhotoPath, UserId = author.UserId, Version = author.Version };
        }

        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var author = id is null ? null : await db.Authors.FindAsync(id);
        if (id is not null && author is null)
        {
            return NotFound();
        }

        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Domain.Slug.ForName(Input.Name ?? "", fallback: "author") : Input.Slug.Trim();
        // Asked before the save and, should the save break on the address's index, again after it.
        Task<bool> AddressTaken() => db.Authors.AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0));
        if (await AddressTaken())
        {
            ModelState.AddModelError("Input.Slug", $"Another author already has the address “{slug}”.");
        }

        var userId = string.IsNullOrEmpty(Input.UserId) ? null : Input.UserId;
        if (userId is not null && await db.Authors.AnyAsync(a => a.UserId == userId && a.Id != (id ?? 0)))
        {
            ModelState.AddModelError("Input.UserId", "That account already writes as another author.");
        }

        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId))
        {
            ModelState.AddModelError("Input.UserId", "Choose an account from the list.");
        }

        if (!string.IsNullOrWhiteSpace(Input.PhotoPath) && library.Find(Input.PhotoPath.Trim()) is null)
        {
            ModelState.AddModelError("Input.PhotoPath", "No picture in the media library has that address: copy one from the Media page (/media/...), or empty the field to save without a photo.");
        }

        if (pictures.RefusalOf(Input.Bio) is { } outside)
        {
            ModelState.AddModelError("Input.Bio", outside);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        if (author is not null && author.Slug != slug)
        {
            // The author's page, and its feed, keep answering at the old address.
            await PageRedirects.MoveAsync(db, $"/author/{author.Slug}", $"/author/{slug}");
        }

        author ??= db.Authors.Add(new Author { Name = "", Slug = "" }).Entity;
        // Saved only if nobody else saved since this editor opened the form.
        db.Entry(author).Property(a => a.Version).OriginalValue = Input.Version;
        author.Version = Input.Version + 1;
        author.Name = (Input.Name ?? "").Trim();
        author.Slug = slug;
        author.Bio = string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio;
        author.PhotoPath = string.IsNullOrWhiteSpace(Input.PhotoPath) ? null : Input.PhotoPath.Trim();
        author.UserId = userId;
        try
        {
            if (!await AddressTakenMeanwhile.SaveAsync(
                db, ModelState, "Input.Slug", $"Another author took the address “{slug}” a moment ago. Choose another.",
                AddressTaken))
            {
                return await ShowAsync(id);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(author.Id);
        }

        TempData["StatusMessage"] = $"Saved {author.Name}.";
        return Redirect($"/admin/authors/{author.Id}/edit");
    }

    /// <summary>The author as saved meanwhile, beside what this editor typed (see <see cref="SavedMeanwhile"/>).</summary>
    private async Task<IActionResult> ShowConflictAsync(int id)
    {
        db.ChangeTracker.Clear();
        if (await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is not { } current)
        {
            return NotFound();
        }

        Theirs = current;
        Input.Version = current.Version;
        SavedMeanwhile.Tell(this, "author", $"{nameof(Input)}.{nameof(Input.Version)}");
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int? id)
    {
        Id = id;
        Accounts = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .ConvertAll(u => new SelectListItem(u.DisplayName, u.Id));
        return Page();
    }
}
