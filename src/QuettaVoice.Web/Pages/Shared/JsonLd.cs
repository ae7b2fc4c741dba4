using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>schema.org items that describe the paper itself, and how any item is written into a page.</summary>
public static class JsonLd
{
    /// <summary>
    /// System.Text.Json's encoders always write &lt;, &gt; and &amp; as \u003C, \u003E and \u0026, so no text a
    /// person typed can close the script element it sits in; allowing every Unicode range only keeps dashes,
    /// curly quotes and Urdu letters readable.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The item with its <c>@context</c>, ready to sit inside <c>&lt;script type="application/ld+json"&gt;</c>.</summary>
    public static HtmlString ToHtml(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var document = new JsonObject { ["@context"] = "https://schema.org" };
        foreach (var (name, value) in item)
        {
            document[name] = value?.DeepClone();
        }

        return new HtmlString(document.ToJsonString(Options));
    }

    /// <summary>The paper, as the publisher of every story and the owner of the site.</summary>
    public static JsonObject Publisher(SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new JsonObject
        {
            ["@type"] = "NewsMediaOrganization",
            ["name"] = site.Name,
            ["url"] = site.AbsoluteUrl("/"),
            ["logo"] = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = site.AbsoluteUrl(SiteLogo.Path),
                ["width"] = SiteLogo.Width,
                ["height"] = SiteLogo.Height,
            },
        };
    }

    /// <summary>The site, with the search box search engines may show under its name.</summary>
    public static JsonObject WebSite(SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new JsonObject
        {
            ["@type"] = "WebSite",
            ["name"] = site.Name,
            ["url"] = site.AbsoluteUrl("/"),
            ["inLanguage"] = "en",
            ["potentialAction"] = new JsonObject
            {
                ["@type"] = "SearchAction",
                ["target"] = site.AbsoluteUrl("/search?q={search_term_string}"),
                ["query-input"] = "required name=search_term_string",
            },
        };
    }
}
