using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Pages.Admin.Media;

/// <summary>
/// The newsroom's picture library: upload a picture, see what is there, newest first.
/// </summary>
/// <remarks>
/// Antiforgery is checked by hand in <see cref="OnPostAsync"/>: the automatic check reads the form first and
/// turns a too-large upload into a bare 400, when the person at the desk should be told the file is too big.
/// A browser that is cut off mid-upload shows a broken connection, not the answer; so a body up to
/// <see cref="MaxDiscardedBytes"/> is read to its end and thrown away before the page says why. Only a
/// larger one is cut off, by the server's own limit.
/// </remarks>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(MaxDiscardedBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(NewsDb db, MediaStore store, IAntiforgery antiforgery) : PageModel
{
    public const string ImageField = "Image";
    public const string AltTextField = "AltText";

    /// <summary>The largest file allowed, and room for the alt text, the form token and the multipart boundaries.</summary>
    private const int MaxRequestBytes = ImageProcessor.MaxBytes + 64 * 1024;
    private const int MaxDiscardedBytes = 64 * 1024 * 1024;
    private const int PageSize = 24;

    public IReadOnlyList<Tile> Tiles { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int TotalCount { get; private set; }
    public int TotalPages => AdminPager.PagesFor(TotalCount, PageSize);
    public string AltText { get; private set; } = "";

    public sealed record Tile(
        int Id, string OriginalFileName, string? AltText, string ContentType, int Width, int Height, DateTime UploadedAt,
        string ThumbnailUrl, int ThumbnailWidth, int ThumbnailHeight, IReadOnlyList<int> VariantWidths, string Markdown);

    /// <summary>
    /// What an editor pastes into a story's text to show the picture there: readers are then sent every copy and
    /// its size, as for a story's own picture (Rendering/StoryRenderer).
    /// </summary>
    private static string MarkdownFor(MediaItem item) =>
        $"![{MarkdownText.Escape(item.AltText ?? "")}]({ResponsiveImage.For(item).Src})";

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken cancellationToken = default) =>
        await LoadAsync(pageNumber, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (Request.ContentLength > MaxRequestBytes)
        {
            return await RefuseTooLargeAsync(cancellationToken);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await RefuseTooLargeAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return await RefuseAsync(ImageField, "The upload did not arrive whole. Please choose the file and try again.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        AltText = form[AltTextField].ToString().Trim();
        if (AltText.Length > MediaItem.AltTextMaxLength)
        {
            return await RefuseAsync(AltTextField, $"Keep the alt text under {MediaItem.AltTextMaxLength} characters.", StatusCodes.Status200OK, cancellationToken);
        }

        var file = form.Files.GetFile(ImageField);
        if (file is null || file.Length == 0)
        {
            return await RefuseAsync(ImageField, ImageProcessor.Empty, StatusCodes.Status200OK, cancellationToken);
        }

        if (file.Length > ImageProcessor.MaxBytes)
        {
            return await RefuseAsync(ImageField, ImageProcessor.TooLarge, StatusCodes.Status413PayloadTooLarge, cancellationToken);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (!ImageProcessor.TryProcess(bytes, out var image, out var problem))
        {
            return await RefuseAsync(ImageField, problem, StatusCodes.Status200OK, cancellationToken);
        }

        var uploaderId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var (item, created) = await store.SaveAsync(image, file.FileName, AltText, uploaderId, cancellationToken);
        TempData["StatusMessage"] = created
            ? $"Uploaded {item.OriginalFileName}."
            : $"{item.OriginalFileName} is already in the library: the same picture was uploaded before.";
        return RedirectToPage();
    }

    /// <summary>
    /// The upload is read through to its end, the picture thrown away as it comes, so that the browser gets the
    /// answer and the alt text, which the form sends after the picture, is shown again rather than lost. Only as much
    /// of the alt text as the library keeps is read into memory.
    /// </summary>
    private async Task<IActionResult> RefuseTooLargeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A boundary is at most 70 characters (RFC 2046); a longer one is no browser's form.
            if (MediaTypeHeaderValue.TryParse(Request.ContentType, out var type)
                && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 70 } boundary)
            {
                var reader = new MultipartReader(boundary, Request.Body);
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    if (section.AsFormDataSection()?.Name == AltTextField)
                    {
                        var kept = new char[MediaItem.AltTextMaxLength + 1];
                        using var text = new StreamReader(section.Body, leaveOpen: true);
                        AltText = new string(kept, 0, await text.ReadBlockAsync(kept, cancellationToken)).Trim();
                    }

                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // Not a whole form: what was read of it is kept, the rest is drained below.
        }

        try
        {
            await Request.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Past the server's limit: the connection is closed after this answer, whatever is done here.
        }

        return await RefuseAsync(ImageField, ImageProcessor.TooLarge, StatusCodes.Status413PayloadTooLarge, cancellationToken);
    }

    /// <summary>The page again, with the reason beside the field and the library still there to use.</summary>
    private async Task<IActionResult> RefuseAsync(string field, string message, int statusCode, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(1, cancellationToken);
        Response.StatusCode = statusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(int pageNumber, CancellationToken cancellationToken)
    {
        TotalCount = await db.Media.CountAsync(cancellationToken);
        PageNumber = pageNumber;
        if (pageNumber < 1 || pageNumber > TotalPages)
        {
            return false;
        }

        var items = await db.Media.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        Tiles = items.ConvertAll(m =>
        {
            var thumbnailWidth = m.VariantWidths.Min();
            return new Tile(
                m.Id, m.OriginalFileName, m.AltText, m.ContentType, m.Width, m.Height, m.UploadedAt,
                MediaServices.Url(m.FileName(thumbnailWidth)), thumbnailWidth, m.HeightAt(thumbnailWidth), m.VariantWidths, MarkdownFor(m));
        });
        return true;
    }

    public string PageUrl(int number) => Url.Page("/Admin/Media/Index", new { pageNumber = number })!;
}
