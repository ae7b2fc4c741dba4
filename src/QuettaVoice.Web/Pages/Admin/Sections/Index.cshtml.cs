using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Sections;

/// <summary>
/// The paper's sections in masthead order: add one, rename one, move one. A section is changed from its own link,
/// which fills the form with what it has now: a form of blanks saved over a section erased its description and
/// moved it to the front of the masthead.
/// </summary>
public sealed class IndexModel(NewsDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Section> All { get; private set; } = [];

    /// <summary>The section the form changes, or null when it adds one.</summary>
    public Section? Changing { get; private set; }

    /// <summary>The section as someone else saved it while this editor had the form open; null when nobody did.</summary>
    public Section? Theirs { get; private set; }

    public sealed class InputModel
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "Enter the section's name.")]
        [StringLength(Section.NameMaxLength)]
        public string Name { get; set; } = "";

        [StringLength(Section.DescriptionMaxLength)]
        public string? Description { get; set; }

        [Range(0, 999)]
        [Display(Name = "Position in the masthead")]
        public int Position { get; set; }

        /// <summary>The version the form was filled from (<see cref="Section.Version"/>).</summary>
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        await ListAsync();
        if (id is not null)
        {
            Changing = All.FirstOrDefault(s => s.Id == id);
            if (Changing is null)
            {
                return NotFound();
            }

            Input = new InputModel { Id = Changing.Id, Name = Changing.Name, Description = Changing.Description, Position = Changing.Position, Version = Changing.Version };
        }

        return Page();
    }

    private async Task ListAsync() => All = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.Id)}") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return BadRequest(); // the hidden field, crafted
        }

        var section = Input.Id is { } id ? await db.Sections.FindAsync(id) : null;
        if (Input.Id is not null && section is null)
        {
            return NotFound();
        }

        var slug = section?.Slug ?? Slug.ForName(Input.Name ?? "", fallback: "section");
        // Asked before the save and, should the save break on the address's index, again after it. A section kept its
        // address when renamed, so only a new one can find its address taken.
        Task<bool> AddressTaken() => db.Sections.AnyAsync(s => s.Slug == slug && s.Id != (Input.Id ?? 0));
        if (section is null && await AddressTaken())
        {
            ModelState.AddModelError("Input.Name", $"There is already a section at /category/{slug}.");
        }

        if (!ModelState.IsValid)
        {
            await ListAsync();
            Changing = All.FirstOrDefault(s => s.Id == Input.Id);
            return Page();
        }

        // A section keeps its address when renamed, so links to /category/... never break.
        section ??= db.Sections.Add(new Section { Name = "", Slug = slug }).Entity;
        // Saved only if nobody else saved since this editor opened the form.
        db.Entry(section).Property(s => s.Version).OriginalValue = Input.Version;
        section.Version = Input.Version + 1;
        section.Name = (Input.Name ?? "").Trim();
        section.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        section.Position = Input.Position;
        try
        {
            if (!await AddressTakenMeanwhile.SaveAsync(
                db, ModelState, "Input.Name", $"There is already a section at /category/{slug}: another was added a moment ago.",
                AddressTaken))
            {
                await ListAsync();
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(section.Id);
        }

        TempData["StatusMessage"] = $"Saved the section {section.Name}.";
        return RedirectToPage();
    }

    /// <summary>The section as saved meanwhile, beside what this editor typed (see <see cref="SavedMeanwhile"/>).</summary>
    private async Task<IActionResult> ShowConflictAsync(int id)
    {
        db.ChangeTracker.Clear();
        await ListAsync();
        Changing = Theirs = All.FirstOrDefault(s => s.Id == id);
        if (Theirs is null)
        {
            return NotFound();
        }

        Input.Version = Theirs.Version;
        SavedMeanwhile.Tell(this, "section", $"{nameof(Input)}.{nameof(Input.Version)}");
        return Page();
    }
}
