using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Media;

/// <summary>
/// The library's pictures found by the address of one of their copies, so that a picture written into a story's
/// text is sent as the story's own picture is: every copy, and its size. A copy's name carries its picture's hash
/// and never comes to mean another picture, so a picture found is kept for good.
/// </summary>
public sealed partial class LibraryPictures(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, MediaItem> found = new(StringComparer.Ordinal);

    /// <summary>The library picture with a copy at <paramref name="path"/> (as <c>/media/{name}</c>); null for any other address.</summary>
    /// <remarks>
    /// Asked while a text is rendered, which happens once for each text (the renderer keeps its output), so the
    /// store is read synchronously rather than making every rendering asynchronous. The newsroom's forms ask it
    /// too when a text or an author's photo is saved, and the author page for the photo: a read for each picture
    /// not yet found.
    /// </remarks>
    public MediaItem? Find(string path)
    {
        if (CopyPath().Match(path) is not { Success: true } copy)
        {
            return null;
        }

        var hash = copy.Groups["hash"].Value;
        if (!found.TryGetValue(hash, out var item))
        {
            // The hashes that start so, as a range of the unique index: a LIKE would read every row.
            var after = hash + "g";
            using var scope = scopes.CreateScope();
            item = scope.ServiceProvider.GetRequiredService<NewsDb>().Media.AsNoTracking()
                .FirstOrDefault(m => m.Sha256.CompareTo(hash) >= 0 && m.Sha256.CompareTo(after) < 0);
            if (item is null)
            {
                // Not kept: a picture uploaded later may have it. The renderer keeps the text's output all the same.
                return null;
            }

            found[hash] = item;
        }

        // Only a copy that exists: any other width or type under the same hash is an address of nothing.
        return item.VariantWidths.Any(width => MediaServices.Url(item.FileName(width)) == path) ? item : null;
    }

    /// <summary>A copy's address as <see cref="MediaItem.FileName"/> makes it: 32 hex characters of the hash, the width, the type.</summary>
    [GeneratedRegex($"^{MediaServices.RequestPath}/(?<hash>[0-9a-f]{{32}})-[0-9]{{1,5}}\\.[a-z]{{3,4}}$", RegexOptions.CultureInvariant)]
    private static partial Regex CopyPath();
}
