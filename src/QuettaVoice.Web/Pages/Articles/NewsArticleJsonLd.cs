using System.Text.Json.Nodes;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Articles;

/// <summary>A story as a schema.org <c>NewsArticle</c>, the item search engines read for news results.</summary>
public static class NewsArticleJsonLd
{
    /// <summary>Google's guidance for a headline in structured data.</summary>
    public const int HeadlineMaxLength = 110;

    /// <summary>
    /// The item for <paramref name="story"/>: its pictures' absolute addresses in <paramref name="imageUrls"/>, the
    /// largest first (none gives the site's logo), and <paramref name="canonicalUrl"/>, its one absolute address.
    /// </summary>
    public static JsonObject For(
        ShowModel.StoryView story, PageMeta.StoryFacts facts, string? description, IReadOnlyList<string> imageUrls, string canonicalUrl, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(imageUrls);
        ArgumentNullException.ThrowIfNull(site);
        var images = imageUrls.Count > 0 ? imageUrls : [site.AbsoluteUrl(SiteLogo.Path)];

        var article = new JsonObject
        {
            ["@type"] = "NewsArticle",
            ["headline"] = Snippet.Cut(story.Headline, HeadlineMaxLength),
            ["image"] = new JsonArray(images.Select(url => (JsonNode?)JsonValue.Create(url)).ToArray()),
            ["datePublished"] = PageMeta.Iso8601(facts.PublishedAt),
            ["dateModified"] = PageMeta.Iso8601(facts.ModifiedAt),
            ["author"] = Author(story, site),
            ["publisher"] = JsonLd.Publisher(site),
            ["mainEntityOfPage"] = canonicalUrl,
            ["url"] = canonicalUrl,
            ["inLanguage"] = "en",
        };
        // A story of a picture alone, without a standfirst, has no words to describe it: no description rather than null.
        if (description is not null)
        {
            article["description"] = description;
        }

        if (story.Dateline is not null)
        {
            article["locationCreated"] = new JsonObject { ["@type"] = "Place", ["name"] = story.Dateline };
        }

        if (facts.Section is not null)
        {
            article["articleSection"] = facts.Section;
        }

        if (facts.Tags.Count > 0)
        {
            article["keywords"] = new JsonArray(facts.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        return article;
    }

    /// <summary>
    /// Who the story is credited to. The paper itself, or a desk or agency byline ("Monitoring Desk"), is an
    /// organisation; anyone else is a person. The credit links to the author's page, as the byline on the story
    /// does, unless a byline names a person other than the author, whose page the site does not have.
    /// </summary>
    private static JsonObject Author(ShowModel.StoryView story, SiteOptions site)
    {
        var isAuthor = story.Credit == story.AuthorName;
        var isOrganization = story.Credit == site.Name || (!isAuthor && DeskCredit.IsDesk(story.Credit));
        var credit = new JsonObject { ["@type"] = isOrganization ? "Organization" : "Person", ["name"] = story.Credit };
        if (DeskCredit.IsAuthorsPage(story.Credit, story.AuthorName, site.Name))
        {
            credit["url"] = site.AbsoluteUrl($"/author/{story.AuthorSlug}");
        }

        return credit;
    }
}
