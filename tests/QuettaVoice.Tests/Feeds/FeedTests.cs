using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Feeds;

/// <summary>The feeds read back as a feed reader reads them, item by item, over real HTTP.</summary>
public sealed class FeedTests() : SiteTest(seed: true)
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";
    private const string SeedUrl = "http://localhost" + Seed.Permalink;

    private sealed record Feed(SyndicationFeed Parsed, string Xml, string? ContentType);

    private async Task<Feed> GetFeedAsync(string url)
    {
        using var response = await App.CreateReader().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        return new Feed(SyndicationFeed.Load(reader), xml, response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>The story's full text as HTML: Atom's content, or RSS's content:encoded.</summary>
    private static string FullText(SyndicationItem item)
    {
        if (item.Content is TextSyndicationContent atomContent)
        {
            Assert.Equal("html", atomContent.Type);
            return atomContent.Text;
        }

        var encoded = Assert.Single(item.ElementExtensions, e => e.OuterName == "encoded" && e.OuterNamespace == ContentNamespace);
        using var reader = encoded.GetReader();
        return reader.ReadElementContentAsString();
    }

    private static List<string> Headlines(SyndicationFeed feed) => feed.Items.Select(i => i.Title.Text).ToList();

    private Task AddAsync(Func<NewsDb, Article[]> stories) => App.WithDbAsync(async db =>
    {
        db.Articles.AddRange(stories(db));
        await db.SaveChangesAsync();
    });

    private Task<int> SeedIdAsync() => App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync());

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task A_storys_id_in_the_feed_stays_when_its_address_is_mended_so_readers_do_not_see_it_again_as_new(string url)
    {
        var before = Assert.Single((await GetFeedAsync(url)).Parsed.Items);
        await App.WithDbAsync(async db =>
        {
            var seed = await db.Articles.SingleAsync(a => a.Slug == Seed.Slug);
            seed.Slug = "russia-recognises-the-taliban-government";
            await db.SaveChangesAsync();
        });

        var feed = await GetFeedAsync(url);

        var after = Assert.Single(feed.Parsed.Items);
        Assert.Equal("http://localhost/2025/07/03/russia-recognises-the-taliban-government", Assert.Single(after.Links).Uri.AbsoluteUri);
        Assert.Equal(before.Id, after.Id);
        if (url == "/feed")
        {
            Assert.Contains("<guid isPermaLink=\"false\">", feed.Xml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/feed", "application/rss+xml; charset=utf-8")]
    [InlineData("/feed/atom", "application/atom+xml; charset=utf-8")]
    public async Task Seed_story_is_in_the_feed_with_headline_permalink_credit_dates_and_full_text(string url, string contentType)
    {
        var feed = await GetFeedAsync(url);

        Assert.Equal(contentType, feed.ContentType);
        Assert.Equal("Quetta Voice", feed.Parsed.Title.Text);
        Assert.Equal("en", feed.Parsed.Language);
        Assert.Contains(feed.Parsed.Links, l => l.Uri.AbsoluteUri == "http://localhost/" && l.RelationshipType is null or "alternate");
        var item = Assert.Single(feed.Parsed.Items);
        Assert.Equal(Seed.Headline, item.Title.Text);
        Assert.Equal($"tag:localhost,2025:story/{await SeedIdAsync()}", item.Id);
        Assert.Equal(SeedUrl, Assert.Single(item.Links).Uri.AbsoluteUri);
        var author = Assert.Single(item.Authors);
        Assert.Equal("Monitoring Desk", author.Name);
        Assert.Null(author.Email);
        Assert.DoesNotContain('@', feed.Xml);
        Assert.Equal(TestApp.Start, item.PublishDate);
        Assert.True(item.LastUpdatedTime >= item.PublishDate, $"updated {item.LastUpdatedTime} before published {item.PublishDate}");
        Assert.Equal(item.LastUpdatedTime, feed.Parsed.LastUpdatedTime);
        Assert.StartsWith(Seed.Paragraphs[0][..40], ((TextSyndicationContent)item.Summary).Text, StringComparison.Ordinal);
        var html = Html.Parse(FullText(item));
        var paragraphs = html.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Equal(Seed.Paragraphs.Length, paragraphs.Count);
        Assert.Equal("MOSCOW", html.One("p .dateline").Text());
        Assert.All(Seed.Paragraphs.Skip(1), p => Assert.Contains(p, paragraphs));
    }

    [Theory]
    [InlineData("/feed", "application/rss+xml; charset=utf-8")]
    [InlineData("/feed/atom", "application/atom+xml; charset=utf-8")]
    [InlineData("/sitemap.xml", "application/xml; charset=utf-8")]
    [InlineData("/robots.txt", "text/plain; charset=utf-8")]
    public async Task A_head_request_is_answered_like_a_get_and_the_next_get_still_has_the_body(string url, string contentType)
    {
        // Kestrel sends no body for a HEAD; the test server does, so only the status and headers are compared.
        using var head = await App.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(contentType, head.Content.Headers.ContentType?.ToString());
        using var get = await App.CreateReader().GetAsync(url);
        Assert.Contains(url == "/robots.txt" ? "Sitemap:" : "<", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_RSS_item_credits_its_writer_where_WordPress_did()
    {
        var item = Assert.Single((await GetFeedAsync("/feed")).Parsed.Items);

        var creator = Assert.Single(item.ElementExtensions, e => e.OuterName == "creator" && e.OuterNamespace == "http://purl.org/dc/elements/1.1/");
        using var reader = creator.GetReader();
        Assert.Equal("Monitoring Desk", reader.ReadElementContentAsString());
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Categories_are_the_section_and_the_tags(string url)
    {
        await AddAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Schools reopen", section: db.Sections.Single(s => s.Slug == "education"));
            story.Tags.AddRange([TestData.Tag("Out-of-school children"), TestData.Tag("Quetta")]);
            return [story];
        });

        var item = (await GetFeedAsync(url)).Parsed.Items.Single(i => i.Title.Text == "Schools reopen");

        Assert.Equal(["Education", "Out-of-school children", "Quetta"], item.Categories.Select(c => c.Name).ToArray());
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Credit_is_the_authors_name_when_the_story_has_no_byline_and_never_an_email(string url)
    {
        // The author writes through a newsroom account, whose email the store holds beside the name.
        var email = await App.CreateUserAsync("Writer", email: "writer.one@quettavoice.test");
        await AddAsync(db =>
        {
            var author = TestData.Author("Shahzada Zulfiqar");
            author.UserId = db.Users.Single(u => u.Email == email).Id;
            return [TestData.Article(author, headline: "Enrolment rises")];
        });

        var feed = await GetFeedAsync(url);

        var item = feed.Parsed.Items.Single(i => i.Title.Text == "Enrolment rises");
        Assert.Equal("Shahzada Zulfiqar", Assert.Single(item.Authors).Name);
        Assert.DoesNotContain('@', feed.Xml);
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task A_storys_picture_goes_beside_its_item_as_feed_readers_look_for_it(string url)
    {
        Assert.True(ImageProcessor.TryProcess(TestImages.Jpeg(2000, 1200), out var image, out var problem), problem);
        MediaItem library;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            (library, _) = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(image, "dam.jpg", "A dry reservoir under a pale sky", null, default);
        }

        await AddAsync(_ =>
        {
            var author = TestData.Author();
            var fromLibrary = TestData.Article(author, headline: "Water crisis deepens", publishedAt: TestApp.Start.AddHours(-1));
            fromLibrary.FeaturedImage = new FeaturedImage { MediaId = library.Id, Credit = "Photo: Banaras Khan" };
            var fromOldSite = TestData.Article(author, headline: "Dam work resumes", publishedAt: TestApp.Start.AddHours(-2));
            fromOldSite.FeaturedImage = new FeaturedImage { Path = "/wp-content/uploads/2019/05/dam.jpg", AltText = "Cranes over the dam wall" };
            var captionOnly = TestData.Article(author, headline: "Canal repaired", publishedAt: TestApp.Start.AddHours(-3));
            captionOnly.FeaturedImage = new FeaturedImage { Caption = "The canal at Sibi, whose picture was not kept" };
            return [fromLibrary, fromOldSite, captionOnly];
        });

        var feed = await GetFeedAsync(url);

        XElement? Picture(string headline)
        {
            var item = feed.Parsed.Items.Single(i => i.Title.Text == headline);
            var pictures = item.ElementExtensions.Where(e => e.OuterName == "content" && e.OuterNamespace == MediaNamespace).ToList();
            Assert.True(pictures.Count <= 1, $"{headline} has {pictures.Count} pictures");
            if (pictures.Count == 0)
            {
                return null;
            }

            using var reader = pictures[0].GetReader();
            reader.MoveToContent();
            return (XElement)XNode.ReadFrom(reader);
        }

        XNamespace media = MediaNamespace;
        var widest = Picture("Water crisis deepens")!;
        Assert.Equal(
            ("http://localhost/media/" + library.FileName(1600), "image", "image/jpeg", "1600", "960"),
            ((string?)widest.Attribute("url"), (string?)widest.Attribute("medium"), (string?)widest.Attribute("type"), (string?)widest.Attribute("width"), (string?)widest.Attribute("height")));
        Assert.Equal(("A dry reservoir under a pale sky", "Photo: Banaras Khan"), ((string?)widest.Element(media + "description"), (string?)widest.Element(media + "credit")));

        // The old site's file goes at its whole address, with no size claimed, since none is known.
        var old = Picture("Dam work resumes")!;
        Assert.Equal(("http://localhost/wp-content/uploads/2019/05/dam.jpg", null, "Cranes over the dam wall", null),
            ((string?)old.Attribute("url"), (string?)old.Attribute("width"), (string?)old.Element(media + "description"), old.Element(media + "credit")));

        // A caption whose picture was not kept, and the seed story's none, give no picture to load.
        Assert.Null(Picture("Canal repaired"));
        Assert.Null(Picture(Seed.Headline));
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Relative_links_and_pictures_in_the_text_become_absolute(string url)
    {
        await AddAsync(_ => [TestData.Article(
            TestData.Author(), headline: "Budget explained",
            body: "Read [the budget story](/2025/07/01/budget-tabled) first.\n\n![The budget in a chart](/media/budget-960.png)")]);

        var item = (await GetFeedAsync(url)).Parsed.Items.Single(i => i.Title.Text == "Budget explained");
        var html = Html.Parse(FullText(item));

        // The picture is not the library's, so it goes as a link (a library picture's copies are tested with the story page).
        Assert.Equal(
            ["http://localhost/2025/07/01/budget-tabled", "http://localhost/media/budget-960.png"],
            html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Drafts_never_appear_and_a_scheduled_story_appears_when_its_time_comes(string url)
    {
        var goesLive = TestApp.Start.AddHours(2);
        await AddAsync(_ =>
        [
            TestData.Article(TestData.Author(), headline: "Secret draft", status: ArticleStatus.Draft),
            TestData.Article(TestData.Author("Adeel Baloch"), headline: "Budget tabled", status: ArticleStatus.Scheduled, publishedAt: goesLive),
        ]);

        Assert.Equal([Seed.Headline], Headlines((await GetFeedAsync(url)).Parsed));

        App.Clock.SetUtcNow(goesLive);

        var feed = (await GetFeedAsync(url)).Parsed;
        Assert.Equal(["Budget tabled", Seed.Headline], Headlines(feed));
        Assert.Equal(goesLive, feed.Items.First().PublishDate);
    }

    [Theory]
    [InlineData("/category/economy/feed", "Quetta Voice: Economy")]
    [InlineData("/category/economy/feed/atom", "Quetta Voice: Economy")]
    [InlineData("/author/adeel-baloch/feed", "Quetta Voice: Adeel Baloch")]
    [InlineData("/author/adeel-baloch/feed/atom", "Quetta Voice: Adeel Baloch")]
    [InlineData("/tag/sui-gas/feed", "Quetta Voice: Sui gas")]
    [InlineData("/tag/sui-gas/feed/atom", "Quetta Voice: Sui gas")]
    public async Task Section_author_and_tag_feeds_hold_only_their_own_stories(string url, string title)
    {
        await AddAsync(db =>
        {
            var economy = db.Sections.Single(s => s.Slug == "economy");
            var adeel = TestData.Author("Adeel Baloch");
            var gas = TestData.Tag("Sui gas");
            var royalties = TestData.Article(adeel, headline: "Gas royalties unpaid", section: economy, publishedAt: TestApp.Start.AddHours(-2));
            royalties.Tags.Add(gas);
            var draft = TestData.Article(adeel, headline: "Budget draft", section: economy, status: ArticleStatus.Draft);
            draft.Tags.Add(gas);
            return
            [
                royalties,
                TestData.Article(TestData.Author("Someone Else"), headline: "Wheat prices", section: db.Sections.Single(s => s.Slug == "politics")),
                draft,
            ];
        });

        var feed = (await GetFeedAsync(url)).Parsed;

        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(["Gas royalties unpaid"], Headlines(feed));
    }

    [Fact]
    public async Task A_feed_carries_the_twenty_latest_stories_newest_first()
    {
        await AddAsync(_ =>
        {
            var author = TestData.Author();
            return Enumerable.Range(1, 25)
                .Select(i => TestData.Article(author, headline: $"Story {i:00}", publishedAt: TestApp.Start.AddHours(-i)))
                .ToArray();
        });

        var feed = (await GetFeedAsync("/feed")).Parsed;

        var expected = new[] { Seed.Headline }.Concat(Enumerable.Range(1, 19).Select(i => $"Story {i:00}")).ToList();
        Assert.Equal(expected, Headlines(feed));
    }

    [Theory]
    [InlineData("/category/no-such-section/feed")]
    [InlineData("/category/no-such-section/feed/atom")]
    [InlineData("/author/no-such-author/feed")]
    [InlineData("/author/no-such-author/feed/atom")]
    [InlineData("/tag/no-such-tag/feed")]
    [InlineData("/tag/embargoed/feed")]
    public async Task Feed_of_an_unknown_section_author_or_tag_is_not_found(string url)
    {
        // A tag only a scheduled story carries is not there yet, as its page is not.
        await AddAsync(_ =>
        {
            var scheduled = TestData.Article(TestData.Author(), headline: "Not yet", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(1));
            scheduled.Tags.Add(TestData.Tag("Embargoed"));
            return [scheduled];
        });

        using var response = await App.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/feed/")]
    [InlineData("/feed/rss2")]
    public async Task The_old_sites_feed_addresses_answer_with_rss(string url)
    {
        var feed = await GetFeedAsync(url);

        Assert.Equal("application/rss+xml; charset=utf-8", feed.ContentType);
        Assert.Equal([Seed.Headline], Headlines(feed.Parsed));
    }

    [Fact]
    public async Task Feeds_answer_only_get()
    {
        using var response = await App.CreateReader().PostAsync("/feed", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/category/economy", "/category/economy/feed")]
    [InlineData("/author/adeel-baloch", "/author/adeel-baloch/feed")]
    [InlineData("/tag/sui-gas", "/tag/sui-gas/feed")]
    public async Task Pages_announce_the_site_feed_and_their_own_in_the_head(string page, string? ownFeed)
    {
        await AddAsync(db =>
        {
            var story = TestData.Article(TestData.Author("Adeel Baloch"), section: db.Sections.Single(s => s.Slug == "economy"));
            story.Tags.Add(TestData.Tag("Sui gas"));
            return [story];
        });
        var reader = App.CreateReader();

        var document = await reader.GetDocumentAsync(page);

        var rss = document.Head!.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
        var atom = document.Head!.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(ownFeed is null ? ["/feed"] : ["/feed", ownFeed], rss);
        Assert.Equal(ownFeed is null ? ["/feed/atom"] : ["/feed/atom", ownFeed + "/atom"], atom);
        foreach (var href in rss.Concat(atom))
        {
            Assert.NotEmpty((await GetFeedAsync(href!)).Parsed.Items);
        }
    }
}
