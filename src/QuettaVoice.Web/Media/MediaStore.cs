using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Media;

/// <summary>Puts an accepted upload's copies in the data folder and its record in the library.</summary>
public sealed class MediaStore(NewsDb db, DataFolder folder, TimeProvider clock)
{
    /// <summary>
    /// The library item for <paramref name="image"/>: a new one, or the one already made from the same bytes
    /// (then <c>Created</c> is false and nothing is written).
    /// </summary>
    public async Task<(MediaItem Item, bool Created)> SaveAsync(
        ProcessedImage image, string originalFileName, string? altText, string? uploaderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var existing = await db.Media.FirstOrDefaultAsync(m => m.Sha256 == image.Sha256, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        var item = new MediaItem
        {
            Sha256 = image.Sha256,
            OriginalFileName = DisplayName(originalFileName),
            ContentType = image.Format.ContentType,
            FileExtension = image.Format.FileExtension,
            Width = image.Width,
            Height = image.Height,
            VariantWidths = [.. image.Variants.Select(v => v.Width)],
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedById = uploaderId,
            AltText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim(),
        };

        Directory.CreateDirectory(folder.Media);
        var written = new List<string>();
        try
        {
            foreach (var variant in image.Variants)
            {
                written.Add(await WriteAsync(item.FileName(variant.Width), variant.Bytes, cancellationToken));
            }

            db.Media.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            return (item, true);
        }
        catch
        {
            // The same picture, uploaded at the same moment by someone else, is in the library now and owns the files
            // (they are the same bytes under the same names): this upload is that item, as if it had come second.
            db.ChangeTracker.Clear();
            if (await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Sha256 == image.Sha256, CancellationToken.None) is { } sameMoment)
            {
                return (sameMoment, false);
            }

            // Files without a library record would be served forever and never listed: take them back.
            written.ForEach(File.Delete);
            throw;
        }
    }

    /// <summary>
    /// Written beside its final name, then moved into place: a file served as immutable must never be seen
    /// half-written. The temporary name starts with a dot, which the file server never serves.
    /// </summary>
    private async Task<string> WriteAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.Media, fileName);
        var temporary = Path.Combine(folder.Media, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The name is only ever shown; any folders a browser sent along with it are dropped.</summary>
    private static string DisplayName(string originalFileName)
    {
        var name = Path.GetFileName(originalFileName.Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            return "image";
        }

        if (name.Length <= MediaItem.OriginalFileNameMaxLength)
        {
            return name;
        }

        // Never between the two halves of a character such as an emoji: PostgreSQL refuses half of one.
        var cut = MediaItem.OriginalFileNameMaxLength;
        return name[..(char.IsHighSurrogate(name[cut - 1]) ? cut - 1 : cut)];
    }
}
