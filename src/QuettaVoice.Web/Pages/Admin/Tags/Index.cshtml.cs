using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Data.Configurations;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Tags;

/// <summary>
/// Tags with how many stories carry each, a page of them at a time; two tags for one idea are merged into one, named
/// as they are written. An archive brought over from WordPress may have thousands: listing them all, and twice
/// more in two lists to choose from, made a page of over a megabyte.
/// </summary>
public sealed class IndexModel(NewsDb db) : PageModel
{
    private const int PageSize = 100;

    // Not "page": Razor Pages keeps that name for the page itself, so ?page=2 never reached the list (WordPress says "paged").
    [BindProperty(SupportsGet = true, Name = "paged")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int TotalPages => AdminPager.PagesFor(TotalCount, PageSize);

    public sealed record Row(int Id, string Name, string Slug, int Stories);

    public sealed class MergeInput
    {
        [Required(ErrorMessage = "Name the tag to merge.")]
        [StringLength(Tag.NameMaxLength, ErrorMessage = "No tag name is longer than {1} characters.")]
        public string? From { get; set; }

        [Required(ErrorMessage = "Name the tag to merge it into.")]
        [StringLength(Tag.NameMaxLength, ErrorMessage = "No tag name is longer than {1} characters.")]
        public string? Into { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await ReadPageAsync() ? Page() : NotFound();

    /// <summary>Every story tagged <see cref="MergeInput.From"/> is tagged <see cref="MergeInput.Into"/> instead, and the first goes.</summary>
    public async Task<IActionResult> OnPostMergeAsync()
    {
        var written = ModelState.IsValid;
        var source = written ? await NamedAsync(Merge.From!, "Merge.From") : null;
        var target = written ? await NamedAsync(Merge.Into!, "Merge.Into") : null;
        if (source is not null && source == target)
        {
            ModelState.AddModelError("Merge.Into", "That is the same tag: name another to merge it into.");
        }

        if (!ModelState.IsValid || source is null || target is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ReadPageAsync();
            return Page();
        }

        // The tagging rows alone, by the tag's index: loading the tag's stories with their tags read every story's
        // text in the archive (seconds, and gigabytes of temporary space, at 100,000 stories). Changed as tracked
        // rows, so the cache evicts the stories' pages and the lists as for any other change of tags.
        var moving = await db.Taggings.Where(t => EF.Property<int>(t, ArticleConfiguration.TaggingTag) == source.Id).ToListAsync();
        var stories = moving.ConvertAll(t => (int)t[ArticleConfiguration.TaggingStory]);
        var alreadyInto = await db.Taggings.AsNoTracking()
            .Where(t => EF.Property<int>(t, ArticleConfiguration.TaggingTag) == target.Id && stories.Contains(EF.Property<int>(t, ArticleConfiguration.TaggingStory)))
            .Select(t => EF.Property<int>(t, ArticleConfiguration.TaggingStory))
            .ToListAsync();
        db.Taggings.RemoveRange(moving);
        db.Taggings.AddRange(stories.Except(alreadyInto).Select(story => new Dictionary<string, object>
        {
            [ArticleConfiguration.TaggingStory] = story,
            [ArticleConfiguration.TaggingTag] = target.Id,
        }));
        db.Tags.Remove(source);
        // Its page's readers, and its feed's, follow it to the tag it went into.
        await PageRedirects.MoveAsync(db, $"/tag/{source.Slug}", $"/tag/{target.Slug}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same merge, sent twice at once (a double click), or either tag changed meanwhile.
            TempData["StatusMessage"] = "Those tags changed meanwhile (merged, removed or given to a story), so nothing was changed. The list below is as it is now.";
            return RedirectToPage(new { paged = PageNumber });
        }

        TempData["StatusMessage"] = $"Merged “{source.Name}” into “{target.Name}”.";
        return RedirectToPage(new { paged = PageNumber });
    }

    /// <summary>
    /// The tag written as listed (its name, in any case) or as its address (<c>/tag/…</c>, or the part after it);
    /// else says why beside <paramref name="field"/>. Never a tag whose name only makes the same address: a merge
    /// cannot be undone, and "بجٹ 2025" and "انتخابات 2025" have one.
    /// </summary>
    private async Task<Tag?> NamedAsync(string written, string field)
    {
        var text = written.Trim();
        var lowered = text.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // the store's lower(), in SQL, not .NET's: these rules are about .NET's
        var byName = await db.Tags.Where(t => t.Name.ToLower() == lowered).Take(2).ToListAsync();
#pragma warning restore CA1304, CA1311, CA1862
        if (byName.Count > 1)
        {
            ModelState.AddModelError(field, $"Two tags are called “{text}”: write the address of the one you mean, as listed.");
            return null;
        }

        var address = text.LastIndexOf("/tag/", StringComparison.Ordinal) is var at and >= 0 ? text[(at + "/tag/".Length)..] : text;
        var slug = Uri.UnescapeDataString(address.Trim('/'));
        var tag = byName.Count == 1 ? byName[0] : await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug);
        if (tag is null)
        {
            ModelState.AddModelError(field, $"No tag is called “{text}” (merged or removed meanwhile, or spelt otherwise).");
        }

        return tag;
    }

    /// <summary>One page of tags, by name, each counted from the tagging rows' index; false for a page past the last.</summary>
    private async Task<bool> ReadPageAsync()
    {
        TotalCount = await db.Tags.CountAsync();
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            return false;
        }

        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync();
        var ids = tags.ConvertAll(t => t.Id);
        // Counted from the tagging rows' index alone: counting each tag's stories joined every tagging back to its
        // story (0.35 s at 100,000 stories, 0.65 s with 5,000 tags, against a few milliseconds).
        var counts = await db.Taggings
            .Where(t => ids.Contains(EF.Property<int>(t, ArticleConfiguration.TaggingTag)))
            .GroupBy(t => EF.Property<int>(t, ArticleConfiguration.TaggingTag))
            .Select(g => new { Tag = g.Key, Stories = g.Count() })
            .ToDictionaryAsync(g => g.Tag, g => g.Stories);
        Rows = tags.ConvertAll(t => new Row(t.Id, t.Name, t.Slug, counts.GetValueOrDefault(t.Id)));
        return true;
    }

    public string PageUrl(int number) => Url.Page("/Admin/Tags/Index", new { paged = number })!;
}
