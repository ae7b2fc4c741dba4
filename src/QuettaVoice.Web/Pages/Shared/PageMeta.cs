using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>
/// What a public page says about itself to search engines and sharing sites. The page model sets it; the layout
/// writes the title, description, canonical link, Open Graph and Twitter tags and JSON-LD from it. A page that
/// sets none still gets them, from <c>ViewData["Title"]</c> and <c>ViewData["Description"]</c>.
/// </summary>
public sealed record PageMeta
{
    /// <summary>About what a search result shows before it cuts the text off.</summary>
    public const int DescriptionMaxLength = 160;

    private const string ViewDataKey = nameof(PageMeta);

    private readonly string? description;

    /// <summary>The page's own title, without the site's name; null on the front page, which is titled by the site.</summary>
    public string? Title { get; init; }

    /// <summary>Cut at a word to <see cref="DescriptionMaxLength"/>; null gives the site's tagline.</summary>
    public string? Description
    {
        get => description;
        init => description = string.IsNullOrWhiteSpace(value) ? null : Snippet.Cut(value, DescriptionMaxLength);
    }

    /// <summary>The site path search engines should file the page under; null means the path it was asked at, without the query.</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>The picture a shared link shows; null shows the site's logo, as a small card.</summary>
    public SharedPicture? Picture { get; init; }

    /// <summary>Set on a story: sharing sites then show it as an article, with its dates, section and tags.</summary>
    public StoryFacts? Story { get; init; }

    /// <summary>schema.org items, each written as its own JSON-LD block.</summary>
    public IReadOnlyList<JsonObject> StructuredData { get; init; } = [];

    /// <summary>A picture for a shared link; its <c>Url</c> is absolute, as sharing sites fetch it from elsewhere.</summary>
    public sealed record SharedPicture(string Url, int? Width, int? Height, string? AltText);

    public sealed record StoryFacts(DateTimeOffset PublishedAt, DateTimeOffset ModifiedAt, string? Section, IReadOnlyList<string> Tags);

    /// <summary>A page of a list: from page 2 on, title and description say which, so no two pages of a list look alike.</summary>
    public static PageMeta ForList(string title, string description, Pager pager)
    {
        ArgumentNullException.ThrowIfNull(pager);
        return pager.Number > 1
            ? new PageMeta { Title = $"{title}, page {pager.Number}", Description = $"Page {pager.Number}: {description}" }
            : new PageMeta { Title = title, Description = description };
    }

    /// <summary>ISO 8601 with the offset and whole seconds, the one spelling of a time in every tag and JSON-LD item.</summary>
    public static string Iso8601(DateTimeOffset time)
    {
        Span<char> text = stackalloc char[Iso8601Length];
        return new string(text[..Iso8601(time, text)]);
    }

    /// <summary>The most characters <see cref="Iso8601(DateTimeOffset, Span{char})"/> writes.</summary>
    public const int Iso8601Length = 25;

    /// <summary>
    /// <see cref="Iso8601(DateTimeOffset)"/> (<c>yyyy-MM-ddTHH:mm:ss+hh:mm</c>) written into <paramref name="text"/>;
    /// returns the length. Put together from parts: the runtime reads a custom format string afresh on every call,
    /// and a story page writes one for every comment shown.
    /// </summary>
    public static int Iso8601(DateTimeOffset time, Span<char> text)
    {
        time.DateTime.TryFormat(text, out var length, "s", CultureInfo.InvariantCulture);
        text[length] = time.Offset < TimeSpan.Zero ? '-' : '+';
        var offset = time.Offset.Duration();
        offset.Hours.TryFormat(text[(length + 1)..], out _, "D2", CultureInfo.InvariantCulture);
        text[length + 3] = ':';
        offset.Minutes.TryFormat(text[(length + 4)..], out _, "D2", CultureInfo.InvariantCulture);
        return length + 6;
    }

    public static void Set(ViewDataDictionary viewData, PageMeta meta)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ViewDataKey] = meta;
    }

    public static PageMeta Of(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[ViewDataKey] as PageMeta
            ?? new PageMeta { Title = viewData["Title"] as string, Description = viewData["Description"] as string };
    }
}
