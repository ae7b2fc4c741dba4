using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Data.Configurations;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Admin.Articles;

/// <summary>
/// The story editor, for a new story (<c>/admin/articles/new</c>) and an existing one. Writers save and submit
/// their own drafts; only Editors and Admins publish, schedule, unpublish and trash, whatever the form sends.
/// </summary>
// A picture over the limit must come back as a message beside its field with the story still in the form,
// not as a cut connection: the body may be larger than the picture limit, and the picture is checked here.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(
    NewsDb db, TimeProvider clock, IOptions<SiteOptions> site, StoryRenderer renderer, PicturesInText picturesInText, IAuthorizationService authorization, MediaStore media)
    : PageModel
{
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    [BindProperty]
    public StoryInput Input { get; set; } = new();

    /// <summary>A new picture sent with the story; it joins the library and becomes the featured image.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int? Id { get; private set; }
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public string? LiveUrl { get; private set; }
    public bool CanPublish { get; private set; }
    public IHtmlContent? Preview { get; private set; }
    public IReadOnlyList<SelectListItem> Authors { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Sections { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Pictures { get; private set; } = [];
    public ResponsiveImage? Picture { get; private set; }

    /// <summary>How many of the newest library pictures the editor offers; older ones are found on the media page by number.</summary>
    private const int PicturesOffered = 100;

    /// <summary>Set when someone else saved the story first: their version, shown beside the one being typed.</summary>
    public Article? Conflict { get; private set; }

    /// <summary>
    /// The page answers at two addresses; links name theirs outright, since route matching would happily write
    /// an existing story's address as /admin/articles/new?id=5.
    /// </summary>
    public static string UrlFor(int? id, string? handler = null) =>
        (id is null ? "/admin/articles/new" : $"/admin/articles/{id}/edit") + (handler is null ? "" : $"?handler={handler}");

    private TimeZoneInfo Zone => site.Value.FindTimeZone();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string UserId => User.UserId()!;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            Input.AuthorId = await db.Authors.Where(a => a.Name == site.Value.Name).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            return await ShowAsync();
        }

        if (await LoadAsync(id.Value) is not { } article)
        {
            return NotFound();
        }

        if (!await MayEditAsync(article))
        {
            return Forbid();
        }

        Input = new StoryInput
        {
            Headline = article.Headline,
            Standfirst = article.Standfirst,
            Body = article.Body,
            Byline = article.Byline,
            Dateline = article.Dateline,
            AuthorId = article.AuthorId,
            SectionId = article.SectionId,
            Tags = string.Join(", ", article.Tags.Select(t => t.Name)),
            Slug = article.Slug,
            CommentsOpen = article.CommentsOpen,
            PublishAt = article.PublishedAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, Zone) : null,
            Version = article.Version,
            MediaId = article.FeaturedImage.MediaId,
            ImageCaption = article.FeaturedImage.Caption,
            ImageCredit = article.FeaturedImage.Credit,
            ImageAlt = article.FeaturedImage.AltText,
            LegacyPostId = article.LegacyPostId,
        };
        return await ShowAsync(article);
    }

    /// <summary>Shows the story as readers will see it, through the public page's own renderer; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        var (article, refused) = await EditableAsync(id);
        if (refused is not null)
        {
            return refused;
        }

        await AcceptUploadAsync();
        Preview = renderer.RenderBody(Input.Body ?? "", Input.Dateline);
        // Said now, beside the text, rather than only when the story is saved.
        RefuseUnshowableText();
        return await ShowAsync(article);
    }

    /// <summary>The story at <paramref name="id"/> (none for a new one), or the answer when it is not there or not this user's to edit.</summary>
    private async Task<(Article? Article, IActionResult? Refused)> EditableAsync(int? id)
    {
        var article = id is null ? null : await LoadAsync(id.Value);
        if (id is not null && article is null)
        {
            return (null, NotFound());
        }

        return article is not null && !await MayEditAsync(article) ? (article, Forbid()) : (article, null);
    }

    private void RefuseUnshowableText()
    {
        if (picturesInText.RefusalOf(Input.Body) is { } outside)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Body)}", outside);
        }
    }

    public Task<IActionResult> OnPostSaveAsync(int? id) => SaveAsync(id, article => "Saved.");

    public Task<IActionResult> OnPostSubmitAsync(int? id) => SaveAsync(id, article =>
    {
        article.SubmitForReview();
        return "Saved and sent to the editors for review.";
    });

    public async Task<IActionResult> OnPostPublishAsync(int? id)
    {
        if (!await IsEditorAsync())
        {
            return Forbid();
        }

        return await SaveAsync(id, article =>
        {
            var at = Input.PublishAt is { } local ? WallClock.ToUtc(local, Zone) : Now;
            article.Publish(at, Now);
            var scheduled = article.Status == ArticleStatus.Scheduled;
            Audit(scheduled ? "schedule" : "publish", article);
            return scheduled
                ? $"Scheduled for {TimeZoneInfo.ConvertTimeFromUtc(at, Zone):d MMMM yyyy, HH:mm} Quetta time."
                : "Published.";
        });
    }

    public Task<IActionResult> OnPostUnpublishAsync(int id, int? version) =>
        ChangeStatusAsync(id, version, article => article.Unpublish(), "unpublish", "Unpublished: the story is a draft again.");

    public Task<IActionResult> OnPostTrashAsync(int id, int? version) =>
        ChangeStatusAsync(id, version, article => article.Trash(), "delete", "Moved to the trash.");

    public Task<IActionResult> OnPostRestoreAsync(int id, int? version) =>
        ChangeStatusAsync(id, version, article => article.Restore(Now), "restore", "Restored from the trash.");

    /// <summary>
    /// Unpublish, trash or restore, from the page as it was when the editor opened it (<paramref name="version"/>): a
    /// save or another change meanwhile is shown rather than acted on, and a story that moves on a stale page's
    /// command counts as saved, so a form still open elsewhere cannot quietly move it back.
    /// </summary>
    private async Task<IActionResult> ChangeStatusAsync(int id, int? version, Action<Article> change, string auditAction, string message)
    {
        if (!await IsEditorAsync())
        {
            return Forbid();
        }

        if (await db.Articles.FindAsync(id) is not { } article)
        {
            return NotFound();
        }

        if (version != article.Version)
        {
            TempData["StatusMessage"] = "Someone else changed this story after you opened it, so nothing was done. It is shown as it is now: choose again.";
            return Redirect(UrlFor(id));
        }

        var before = article.Status;
        change(article);
        if (article.Status == before)
        {
            TempData["StatusMessage"] = "Nothing to do: the story was already so.";
            return Redirect(UrlFor(id));
        }

        db.Entry(article).Property(a => a.Version).OriginalValue = article.Version;
        article.Version++;
        article.UpdatedAt = Now;
        Audit(auditAction, article);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["StatusMessage"] = "Someone else changed this story at the same moment, so nothing was done. It is shown as it is now: choose again.";
            return Redirect(UrlFor(id));
        }

        TempData["StatusMessage"] = message;
        return Redirect(UrlFor(id));
    }

    private async Task<IActionResult> SaveAsync(int? id, Func<Article, string> then)
    {
        var (article, refused) = await EditableAsync(id);
        if (refused is not null)
        {
            return article?.CreatedById == UserId ? await ShowOutOfHandsAsync(article) : refused;
        }

        await AcceptUploadAsync();

        // Model binding leaves an emptied field null whatever its declared type.
        var headline = (Input.Headline ?? "").Trim();
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(headline) : Input.Slug.Trim();
        // Asked before the save and, should the save break on the address's index, again after it.
        Task<bool> AddressTaken() => db.Articles.AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0));
        if (await AddressTaken())
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Slug)}", $"Another story already has the address “{slug}”. Choose another.");
        }

        // A story in the bin answers "removed" at its address (410) only while that is the address readers knew.
        if (article is { Status: ArticleStatus.Trashed } && slug != article.Slug)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Slug)}", "A story in the bin keeps its address: restore it first to change the address.");
        }

        if (Input.AuthorId is { } authorId && !await db.Authors.AnyAsync(a => a.Id == authorId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AuthorId)}", "Choose an author from the list.");
        }

        // A tag too long to keep is named, rather than dropped without a word.
        if (Input.TagNames().FirstOrDefault(t => t.Length > Tag.NameMaxLength) is { } longTag)
        {
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(Input.Tags)}", $"Keep each tag under {Tag.NameMaxLength} characters: “{longTag}” is {longTag.Length}.");
        }

        if (Input.SectionId is { } sectionId && !await db.Sections.AnyAsync(s => s.Id == sectionId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SectionId)}", "Choose a section from the list.");
        }

        if (Input.MediaId is { } mediaId && !await db.Media.AnyAsync(m => m.Id == mediaId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.MediaId)}", "Choose a picture from the media library.");
        }

        RefuseUnshowableText();

        // Only editors map old links to stories; whatever else posts the field is not listened to.
        var isEditor = await IsEditorAsync();
        if (isEditor && Input.LegacyPostId is { } postId && await db.Articles.AnyAsync(a => a.LegacyPostId == postId && a.Id != (id ?? 0)))
        {
            ModelState.AddModelError(
                $"{nameof(Input)}.{nameof(Input.LegacyPostId)}", $"Another story already has old site post number {postId}: each old link leads to one story.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(article);
        }

        if (article is null)
        {
            article = new Article { Headline = "", Slug = "", Body = "", CreatedAt = Now, CreatedById = UserId };
            db.Articles.Add(article);
        }
        else
        {
            // Saved only if nobody else saved since this editor opened the story.
            db.Entry(article).Property(a => a.Version).OriginalValue = Input.Version;
        }

        var oldAddress = PublicAddress(article);

        article.Headline = headline;
        article.Standfirst = Blank(Input.Standfirst);
        article.Body = Input.Body;
        article.Byline = Blank(Input.Byline);
        article.Dateline = Blank(Input.Dateline);
        article.AuthorId = Input.AuthorId!.Value;
        article.SectionId = Input.SectionId;
        article.Slug = slug;
        article.CommentsOpen = Input.CommentsOpen;
        article.Tags = await TagsAsync(Input.TagNames());
        article.FeaturedImage.MediaId = Input.MediaId;
        article.FeaturedImage.Caption = Blank(Input.ImageCaption);
        article.FeaturedImage.Credit = Blank(Input.ImageCredit);
        article.FeaturedImage.AltText = Blank(Input.ImageAlt);
        if (isEditor)
        {
            article.LegacyPostId = Input.LegacyPostId;
        }

        article.UpdatedAt = Now;
        var message = then(article);
        article.Version++;
        article.Revisions.Add(ArticleRevision.Of(article, UserId, User.DisplayName(), Now));
        await KeepOldAddressAsync(article, oldAddress);
        try
        {
            if (!await AddressTakenMeanwhile.SaveAsync(
                db, ModelState, $"{nameof(Input)}.{nameof(Input.Slug)}", $"Another story took the address “{slug}” a moment ago. Choose another.",
                AddressTaken))
            {
                return await ShowAsync(id is null ? null : await LoadAsync(id.Value));
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(article.Id);
        }

        // A new story published at once is audited with the story; its entry is named by the id the save gave it.
        if (auditOfNewStory.Count > 0)
        {
            auditOfNewStory.ForEach(audited => audited.Entry.Subject = AuditSubject(audited.Story));
            await db.SaveChangesAsync();
        }

        TempData["StatusMessage"] = message;
        return Redirect(UrlFor(article.Id));
    }

    /// <summary>
    /// The second of two editors keeps everything they typed and sees what the first saved; saving again
    /// from here replaces the other version knowingly, and both stay in the revisions.
    /// </summary>
    private async Task<IActionResult> ShowConflictAsync(int id)
    {
        db.ChangeTracker.Clear();
        var current = await LoadAsync(id);
        if (current is null)
        {
            return NotFound();
        }

        Conflict = current;
        Input.Version = current.Version;
        SavedMeanwhile.Tell(this, "story", $"{nameof(Input)}.{nameof(Input.Version)}");
        return await ShowAsync(current);
    }

    /// <summary>
    /// A Writer's own story that an editor took on while they had it open (published it, say) is no longer theirs to
    /// change: they are told so, and get back what they typed to pass on, rather than a bare refusal that lost it.
    /// </summary>
    private async Task<IActionResult> ShowOutOfHandsAsync(Article article)
    {
        ModelState.AddModelError("", $"An editor has taken this story on (it is {Visibility.StatusAt(article.Status, article.PublishedAt, Now).ToString().ToLowerInvariant()} now), so only an editor "
            + "can change it. Nothing was saved; what you wrote is still below, to copy and send to the desk.");
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return await ShowAsync(article);
    }

    /// <summary>Puts a picture sent with the form into the library and chooses it; a refused one is explained beside its field.</summary>
    private async Task AcceptUploadAsync()
    {
        if (Upload is not { Length: > 0 } file)
        {
            return;
        }

        if (file.Length > ImageProcessor.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), ImageProcessor.TooLarge);
            return;
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes);
        }

        if (!ImageProcessor.TryProcess(bytes, out var image, out var problem))
        {
            ModelState.AddModelError(nameof(Upload), problem + " Choose the picture again.");
            return;
        }

        // An alt text too long for the library is refused beside its field; the picture joins the library without it.
        var alt = Input.ImageAlt is { Length: <= MediaItem.AltTextMaxLength } fits ? fits : null;
        var (item, _) = await media.SaveAsync(image, file.FileName, alt, UserId, HttpContext.RequestAborted);
        Input.MediaId = item.Id;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.MediaId)}");
    }

    /// <summary>
    /// The address readers have had for the story: it has one once its publication time has passed, and keeps it
    /// while unpublished, since unpublishing, mending the slug and publishing again is how a wrong address is put right.
    /// </summary>
    private string? PublicAddress(Article article) =>
        article.PublishedAt is { } at && at <= Now ? Permalink.For(article.Slug, at, Zone) : null;

    /// <summary>A published story whose slug or date changed keeps answering at its old address, with a 301.</summary>
    private async Task KeepOldAddressAsync(Article article, string? oldAddress)
    {
        var newAddress = article.PublishedAt is { } at ? Permalink.For(article.Slug, at, Zone) : null;
        if (oldAddress is null || oldAddress == newAddress || await db.Redirects.AnyAsync(r => r.OldPath == oldAddress))
        {
            return;
        }

        db.Redirects.Add(new ArticleRedirect { OldPath = oldAddress, ArticleId = article.Id });
    }

    /// <summary>What a new story's save recorded before the store gave it its id, to be named by it after.</summary>
    private readonly List<(AuditEntry Entry, Article Story)> auditOfNewStory = [];

    private void Audit(string action, Article article)
    {
        var entry = db.Audit.Add(AuditEntry.Of(UserId, User.DisplayName(), action, AuditSubject(article), Now)).Entity;
        if (article.Id == 0)
        {
            auditOfNewStory.Add((entry, article));
        }
    }

    private static string AuditSubject(Article article) => $"story {article.Id}: {article.Headline}";

    private async Task<List<Tag>> TagsAsync(IEnumerable<string> names)
    {
        var tags = new List<Tag>();
        foreach (var name in names)
        {
            var slug = Slug.ForName(name, fallback: "tag");
            tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug)
                ?? tags.Find(t => t.Slug == slug)
                ?? new Tag { Name = name, Slug = slug });
        }

        return tags.DistinctBy(t => t.Slug).ToList();
    }

    private async Task<Article?> LoadAsync(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is not null)
        {
            // Its tags by its own tagging rows, tracked, so EF fills Tags: the Include's one query joined every
            // tagging of the archive to its tag first (50 to 90 ms at 100,000 stories, on every open and save).
            var taggings = await db.Taggings
                .Where(t => EF.Property<int>(t, ArticleConfiguration.TaggingStory) == id)
                .ToListAsync();
            var tagIds = taggings.ConvertAll(t => (int)t[ArticleConfiguration.TaggingTag]);
            await db.Tags.Where(t => tagIds.Contains(t.Id)).LoadAsync();
        }

        return article;
    }

    private Task<bool> IsEditorAsync() => authorization.IsEditorAsync(User);

    private Task<bool> MayEditAsync(Article article) => authorization.MayEditAsync(User, article);

    private async Task<IActionResult> ShowAsync(Article? article = null)
    {
        Id = article?.Id;
        Status = article is null ? ArticleStatus.Draft : Visibility.StatusAt(article.Status, article.PublishedAt, Now);
        CanPublish = await IsEditorAsync();
        if (article?.PublishedAt is { } at && Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            LiveUrl = Permalink.For(article.Slug, at, Zone);
        }

        Authors = (await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .ConvertAll(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture)));
        var pictures = await db.Media.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Take(PicturesOffered).ToListAsync();
        Pictures = pictures.ConvertAll(m => new SelectListItem(
            $"#{m.Id.ToString(CultureInfo.InvariantCulture)} {m.OriginalFileName} ({m.Width}×{m.Height})", m.Id.ToString(CultureInfo.InvariantCulture)));
        Picture = Input.MediaId is { } chosen && await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == chosen) is { } item
            ? ResponsiveImage.For(item)
            : null;
        Sections = (await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync())
            .ConvertAll(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture)));
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
