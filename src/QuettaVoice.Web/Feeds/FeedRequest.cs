using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Hosting;
using QuettaVoice.Web.Pages.Shared;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Feeds;

/// <summary>
/// One request for a feed, its services bound by the endpoint (<c>[AsParameters]</c> wants them as public properties).
/// Five queries at most: the section's, author's or tag's name, then the latest stories' ids, the stories, their tags and pictures.
/// </summary>
public sealed record FeedRequest(NewsDb Db, TimeProvider Clock, IOptions<SiteOptions> Site, StoryRenderer Renderer, CancellationToken Aborted)
{
    public const int ItemCount = 20;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    public Task<IResult> SiteAsync(FeedFormat format)
    {
        var options = Site.Value;
        return FeedAsync(format, options.Name, options.Tagline, "/", "/feed", NewestFirst.Everything, 0);
    }

    public async Task<IResult> SectionAsync(string slug, FeedFormat format)
    {
        var section = await ListOwner.SectionAsync(Db, slug, Aborted);
        if (section is null)
        {
            return Results.NotFound();
        }

        var path = $"/category/{slug}";
        return await FeedAsync(
            format,
            $"{Site.Value.Name}: {section.Name}",
            section.Description ?? $"The latest {section.Name} stories from {Site.Value.Name}.",
            path,
            path + "/feed",
            NewestFirst.OfSection,
            section.Id);
    }

    public async Task<IResult> AuthorAsync(string slug, FeedFormat format)
    {
        var author = await ListOwner.AuthorAsync(Db, slug, Aborted);
        if (author is null)
        {
            return Results.NotFound();
        }

        var path = $"/author/{slug}";
        return await FeedAsync(
            format,
            $"{Site.Value.Name}: {author.Name}",
            $"Stories by {author.Name} in {Site.Value.Name}.",
            path,
            path + "/feed",
            NewestFirst.OfAuthor,
            author.Id);
    }

    /// <summary>A tag's feed, there while its page is: while a story readers may see carries the tag.</summary>
    public async Task<IResult> TagAsync(string slug, FeedFormat format)
    {
        var tag = await ListOwner.TagAsync(Db, slug, Aborted);
        if (tag is null)
        {
            return Results.NotFound();
        }

        var path = $"/tag/{slug}";
        return await FeedAsync(
            format, $"{Site.Value.Name}: {tag.Name}", $"Stories tagged {tag.Name} in {Site.Value.Name}.", path, path + "/feed", NewestFirst.Tagged, tag.Id, noneIsNotFound: true);
    }

    private async Task<IResult> FeedAsync(
        FeedFormat format, string title, string description, string pagePath, string rssPath, NewestFirst list, int id, bool noneIsNotFound = false)
    {
        var stories = await FeedStory.LatestAsync(Db, list, id, NowUtc, ItemCount, Aborted);
        if (noneIsNotFound && stories.Count == 0)
        {
            return Results.NotFound();
        }

        var options = Site.Value;
        var zone = options.FindTimeZone();
        var pageUrl = new Uri(options.AbsoluteUrl(pagePath));
        var (selfPath, mediaType) = format == FeedFormat.Atom ? (rssPath + "/atom", "application/atom+xml") : (rssPath, "application/rss+xml");

        var feed = new SyndicationFeed(
            title,
            description,
            pageUrl,
            pageUrl.AbsoluteUri,
            // An empty feed still needs a time; nothing in it has changed later than now.
            stories.Count == 0 ? Clock.GetUtcNow() : AsUtc(stories.Max(s => s.LastChangedAt)),
            stories.ConvertAll(story => Item(story, format, options, zone)))
        {
            Language = "en",
            Generator = options.Name,
        };
        feed.Links.Add(new SyndicationLink(new Uri(options.AbsoluteUrl(selfPath)), "self", title, mediaType, 0));
        if (format == FeedFormat.Rss)
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("content", XmlnsNamespace), FeedItem.ContentNamespace);
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XmlnsNamespace), FeedItem.DublinCoreNamespace);
        }

        feed.AttributeExtensions.Add(new XmlQualifiedName("media", XmlnsNamespace), FeedPicture.MediaNamespace);

        SyndicationFeedFormatter formatter = format == FeedFormat.Atom
            ? new Atom10FeedFormatter(feed)
            : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true);
        return new XmlResult(mediaType + "; charset=utf-8", formatter.WriteTo);
    }

    private FeedItem Item(FeedStory story, FeedFormat format, SiteOptions options, TimeZoneInfo zone)
    {
        var url = new Uri(options.AbsoluteUrl(Permalink.For(story.Slug, story.PublishedAt, zone)));
        // Feed readers show the text away from the site, so its relative links and pictures are made absolute.
        var html = Renderer.RenderBody(story.Body, story.Dateline, options.AbsoluteUrl("/")).Value ?? "";
        var item = new FeedItem(format, html, story.Credit, FeedPicture.For(story.Image, story.Media, options));
        // The story's own id, not its address: a slug or date mended after publication would make every feed reader
        // show the story again as new. A tag URI (RFC 4151), so RSS marks it as no address (isPermaLink="false").
        item.Id = string.Create(CultureInfo.InvariantCulture, $"tag:{new Uri(options.AbsoluteUrl("/")).Host},2025:story/{story.Id}");
        item.Title = new TextSyndicationContent(story.Headline);
        item.Summary = new TextSyndicationContent(story.Standfirst ?? StoryRenderer.Teaser(story.Body) ?? "");
        item.PublishDate = AsUtc(story.PublishedAt);
        item.LastUpdatedTime = AsUtc(story.LastChangedAt);
        item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
        // A name and nothing else: RSS 2.0's own <author> holds an email, which this paper never publishes.
        item.Authors.Add(new SyndicationPerson { Name = story.Credit });
        if (story.SectionName is not null)
        {
            item.Categories.Add(new SyndicationCategory(story.SectionName));
        }

        foreach (var tag in story.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        return item;
    }

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
