using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// The names cached pages carry, so that a change evicts exactly the pages that show what changed.
/// Every cached page carries <see cref="Site"/> (the masthead's sections are on all of them).
/// </summary>
public static class CacheTags
{
    public const string Site = "site";

    /// <summary>Pages that list stories: the front page, section, author, tag and archive pages, search results, feeds and sitemaps.</summary>
    public const string Lists = "lists";

    public static string Story(int id) => "story:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A section's page, and the story pages that show more from that section.</summary>
    public static string Section(int id) => "section:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A tag's page, and the story pages that list the tag.</summary>
    public static string Tag(int id) => "tag:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Names what this response shows, when it is being cached; otherwise does nothing.</summary>
    public static void TagResponse(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } cacheTags)
        {
            cacheTags.UnionWith(tags);
        }
    }
}
