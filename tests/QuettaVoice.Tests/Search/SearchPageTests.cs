using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Search;

/// <summary>A reader searches the stories from the masthead box, as on any news site.</summary>
public sealed class SearchPageTests() : SiteTest(seed: true)
{
    private Task<IDocument> SearchAsync(string query) =>
        App.CreateReader().GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

    private static List<string> Headlines(IDocument results) =>
        results.QuerySelectorAll(".search-results .card-headline a").Select(a => a.Text()).ToList();

    private Task AddAsync(params Func<Author, Article>[] stories) => App.WithDbAsync(async db =>
    {
        var author = await db.Authors.FirstAsync();
        db.Articles.AddRange(stories.Select(story => story(author)));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_seed_story_is_found_by_searching_taliban_recognition()
    {
        var results = await SearchAsync("Taliban recognition");

        var first = results.QuerySelectorAll(".search-results .card-headline a")[0];
        Assert.Equal(Seed.Headline, first.Text());
        Assert.Equal(Seed.Permalink, first.GetAttribute("href"));
        Assert.Equal("1 story matches “Taliban recognition”", results.One("#results-heading").Text());
        Assert.Equal("Monitoring Desk", results.One(".search-results .meta span").Text());
    }

    [Fact]
    public async Task Words_sent_in_a_body_with_a_get_are_not_searched_so_they_cannot_reach_other_readers_copy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=taliban")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "Visit fake-news.example" }),
        };
        using var poisoned = await App.CreateReader().SendAsync(request);
        Assert.Equal([Seed.Headline], Headlines(await poisoned.ParseAsync()));

        var next = await SearchAsync("taliban");

        Assert.Equal([Seed.Headline], Headlines(next));
        Assert.DoesNotContain("fake-news", next.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sanction")] // the story says "sanctions"
    [InlineData("recognizes")] // the headline says "recognized"
    [InlineData("emphasizing")] // the story says "emphasized"
    [InlineData("RUSSIA")]
    public async Task English_stemming_finds_other_forms_of_a_word(string query) =>
        Assert.Equal([Seed.Headline], Headlines(await SearchAsync(query)));

    [Fact]
    public async Task The_prefix_the_search_box_gives_as_its_example_finds_the_words_that_start_so()
    {
        await AddAsync(author => TestData.Article(author, headline: "Floods reach the plains", body: "The rains reached Balochistan's plains on Monday."));
        var hint = (await SearchAsync("")).One("#search-help").Text();
        var example = Assert.Single(hint.Split(' '), word => word.EndsWith('*'));

        var results = await SearchAsync(example);

        Assert.Equal(["Floods reach the plains"], Headlines(results));
    }

    [Fact]
    public async Task A_quoted_phrase_matches_only_those_words_in_that_order()
    {
        Assert.Equal([Seed.Headline], Headlines(await SearchAsync("\"frozen billions of dollars\"")));
        Assert.Empty(Headlines(await SearchAsync("\"billions frozen\"")));
        Assert.Contains("No stories match “\"billions frozen\"”", (await SearchAsync("\"billions frozen\"")).One(".calm").Text());
    }

    [Fact]
    public async Task Matched_words_are_highlighted_in_the_headline_and_the_snippet()
    {
        var results = await SearchAsync("Taliban sanctions");

        var headlineMarks = results.QuerySelectorAll(".card-headline mark").Select(m => m.Text()).ToList();
        var snippetMarks = results.QuerySelectorAll(".teaser mark").Select(m => m.Text().ToUpperInvariant()).ToHashSet();
        Assert.Equal(["Taliban"], headlineMarks);
        Assert.Subset(new HashSet<string> { "TALIBAN", "SANCTIONS" }, snippetMarks);
        Assert.Contains("sanctions", results.One(".teaser").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_without_a_standfirst_found_by_its_headline_shows_a_passage_of_its_text()
    {
        await AddAsync(author => TestData.Article(author, headline: "Zarghun pistachio harvest", body: "Growers near Quetta picked early this year."));

        var results = await SearchAsync("pistachio");

        Assert.Equal("Growers near Quetta picked early this year.", results.One(".search-results .teaser").Text());
    }

    [Fact]
    public async Task Markup_in_a_story_is_shown_as_text_in_results_never_as_markup()
    {
        await AddAsync(author => TestData.Article(author, headline: "<script>alert(1)</script> Ziarat juniper", body: "Ziarat's <b>juniper</b> forest & **its** [guardians](https://example.org)."));

        var results = await SearchAsync("juniper");

        Assert.Empty(results.QuerySelectorAll(".search-results script, .search-results b"));
        Assert.Equal("<script>alert(1)</script> Ziarat juniper", results.One(".card-headline a").Text());
        Assert.Equal("Ziarat's <b>juniper</b> forest & its guardians.", results.One(".teaser").Text());
    }

    [Fact]
    public async Task A_headline_match_ranks_above_a_body_match_even_when_the_body_match_is_newer()
    {
        await AddAsync(
            author => TestData.Article(author, headline: "Gwadar port handles its first bulk cargo", publishedAt: TestApp.Start.AddDays(-30)),
            author => TestData.Article(author, headline: "Coastal highway repairs begin", body: "Work starts near Gwadar next week.", publishedAt: TestApp.Start.AddDays(-1)));

        Assert.Equal(["Gwadar port handles its first bulk cargo", "Coastal highway repairs begin"], Headlines(await SearchAsync("gwadar")));
    }

    [Fact]
    public async Task Stories_that_match_equally_well_come_newest_first()
    {
        await AddAsync(
            author => Dated(TestData.Article(author, headline: "Floods in Jaffarabad", body: "Rain fell.", publishedAt: TestApp.Start.AddDays(-20)), "floods-in-jaffarabad-june"),
            author => Dated(TestData.Article(author, headline: "Floods in Jaffarabad", body: "Rain fell.", publishedAt: TestApp.Start.AddDays(-2)), "floods-in-jaffarabad-july"),
            author => Dated(TestData.Article(author, headline: "Floods in Jaffarabad", body: "Rain fell.", publishedAt: TestApp.Start.AddDays(-9)), "floods-in-jaffarabad-late-june"));

        var links = (await SearchAsync("Jaffarabad floods")).QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href"));

        Assert.Equal(["/2025/07/01/floods-in-jaffarabad-july", "/2025/06/24/floods-in-jaffarabad-late-june", "/2025/06/13/floods-in-jaffarabad-june"], links);
    }

    [Fact]
    public async Task Among_stories_with_the_words_in_the_headline_the_newest_comes_first_whatever_the_headlines_length_or_text()
    {
        // Other stories make the words rare, so that a score would weigh them: among a handful, every word is common.
        await AddAsync([
            author => TestData.Article(author, headline: "Mastung flood relief", body: "Mastung flood relief reached Mastung after the Mastung flood.", publishedAt: TestApp.Start.AddDays(-20)),
            author => TestData.Article(author, headline: "Mastung flood relief reaches the villages of Dasht at last", body: "Trucks left at dawn.", publishedAt: TestApp.Start.AddDays(-2)),
            .. Enumerable.Range(1, 40).Select(i => (Func<Author, Article>)(author => TestData.Article(author, headline: $"Weather report {i}"))),
        ]);

        Assert.Equal(["Mastung flood relief reaches the villages of Dasht at last", "Mastung flood relief"], Headlines(await SearchAsync("Mastung flood")));
    }

    [Fact]
    public async Task A_headline_match_ranks_above_a_newer_text_that_repeats_the_word_over_and_over()
    {
        await AddAsync([
            author => TestData.Article(author, headline: "Sibi mela opens", body: "Stalls went up.", publishedAt: TestApp.Start.AddDays(-30)),
            author => TestData.Article(author, headline: "Festival notes", body: string.Join(' ', Enumerable.Repeat("Sibi.", 12)), publishedAt: TestApp.Start.AddDays(-1)),
            .. Enumerable.Range(1, 10).Select(i => (Func<Author, Article>)(author => TestData.Article(author, headline: $"Weather report {i}"))),
        ]);

        Assert.Equal(["Sibi mela opens", "Festival notes"], Headlines(await SearchAsync("Sibi")));
    }

    [Fact]
    public async Task A_headline_mended_in_the_store_ranks_its_story_by_the_new_headline_at_once()
    {
        // Both stories have the word only in the text at first, so the newer comes first; once the older one's
        // headline holds it, that one leads; with the word taken out of its headline again, it follows once more.
        await AddAsync(
            author => TestData.Article(author, headline: "Coal output report", body: "Field notes from Harnai.", publishedAt: TestApp.Start.AddDays(-30)),
            author => TestData.Article(author, headline: "Market day", body: "Field notes from Harnai.", publishedAt: TestApp.Start.AddDays(-1)));
        Assert.Equal(["Market day", "Coal output report"], Headlines(await SearchAsync("Harnai")));

        await RenameAsync("Coal output report", "Harnai coal output report");
        Assert.Equal(["Harnai coal output report", "Market day"], Headlines(await SearchAsync("Harnai")));

        await RenameAsync("Harnai coal output report", "Coal output report");
        Assert.Equal(["Market day", "Coal output report"], Headlines(await SearchAsync("Harnai")));
    }

    private Task RenameAsync(string headline, string newHeadline) => App.WithDbAsync(async db =>
    {
        (await db.Articles.SingleAsync(a => a.Headline == headline)).Headline = newHeadline;
        await db.SaveChangesAsync();
    });

    private static Article Dated(Article article, string slug)
    {
        article.Slug = slug;
        return article;
    }

    [Fact]
    public async Task Authors_sections_and_tags_are_searched_too()
    {
        await App.WithDbAsync(async db =>
        {
            var article = TestData.Article(TestData.Author("Shahzada Zulfiqar"), headline: "Vaccinators reach Killa Abdullah", section: await db.Sections.FirstAsync(s => s.Slug == "health"));
            article.Tags.Add(TestData.Tag("Polio campaign"));
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        });

        Assert.Equal(["Vaccinators reach Killa Abdullah"], Headlines(await SearchAsync("Zulfiqar")));
        Assert.Equal(["Vaccinators reach Killa Abdullah"], Headlines(await SearchAsync("polio")));
        Assert.Equal(["Vaccinators reach Killa Abdullah"], Headlines(await SearchAsync("health")));
    }

    [Theory]
    [InlineData("WHO")] // a stop word to PostgreSQL's English configuration, as is "it"
    [InlineData("\"IT ministry\"")]
    [InlineData("\"2.5 percent\"")] // a number written with a point
    [InlineData("\"out of school\"")] // written with hyphens
    [InlineData("quettavoice")] // part of an address
    [InlineData("cafe")] // the story says "café"
    public async Task Every_word_is_found_however_it_is_written_in_the_story(string query)
    {
        await AddAsync(author => TestData.Article(author, headline: "Polio drive reaches Killa Saifullah",
            body: "The WHO and the IT ministry say cases fell by 2.5 percent among out-of-school children, a doctor told quettavoice.com at a café in Quetta."));

        var results = await SearchAsync(query);

        Assert.Equal(["Polio drive reaches Killa Saifullah"], Headlines(results));
        // And marked in the passage shown, however the engine reads the text for its excerpts.
        Assert.NotEmpty(results.QuerySelectorAll(".search-results mark"));
    }

    [Fact]
    public async Task Words_in_urdu_script_are_found()
    {
        await AddAsync(author => TestData.Article(author, headline: "Urdu edition launched", body: "بلوچستان میں تعلیم کی صورتحال پر نئی رپورٹ"));

        Assert.Equal(["Urdu edition launched"], Headlines(await SearchAsync("تعلیم")));
    }

    [Fact]
    public async Task Words_searched_for_in_urdu_script_are_shown_back_right_to_left_inside_the_english_sentence()
    {
        await AddAsync(author => TestData.Article(author, headline: "Urdu edition launched", body: "بلوچستان میں تعلیم کی صورتحال پر نئی رپورٹ"));

        var found = await SearchAsync("تعلیم");
        var missing = await SearchAsync("صحت کارڈ");

        Assert.Equal("auto", found.One("#search-q").GetAttribute("dir"));
        Assert.Equal("تعلیم", found.One("#results-heading span[dir=auto]").Text());
        Assert.Equal("صحت کارڈ", missing.One(".calm span[dir=auto]").Text());
    }

    [Fact]
    public async Task Drafts_and_scheduled_stories_are_not_found_until_they_are_out()
    {
        await AddAsync(
            author => TestData.Article(author, headline: "Draft about Chaman crossing", status: ArticleStatus.Draft),
            author => TestData.Article(author, headline: "Chaman crossing reopens", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddHours(2)));

        Assert.Empty(Headlines(await SearchAsync("Chaman")));

        App.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(["Chaman crossing reopens"], Headlines(await SearchAsync("Chaman")));
    }

    [Fact]
    public async Task An_edit_and_an_unpublish_in_the_newsroom_are_reflected_by_the_next_search()
    {
        var editor = await App.SignInAsync(Roles.Editor);
        var id = await App.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.Slug).Select(a => a.Id).SingleAsync());
        var editUrl = $"/admin/articles/{id}/edit";

        var form = await editor.GetDocumentAsync(editUrl);
        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Standfirst"] = "Moscow is the first capital to accept a Taliban envoy in Zarghun style." }, "form.story-form", "button[formaction*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal([Seed.Headline], Headlines(await SearchAsync("zarghun")));

        var state = await editor.GetDocumentAsync(editUrl);
        using var unpublished = await editor.SubmitAsync(state, new Dictionary<string, string>(), "form.story-state-actions", "button[formaction*='handler=Unpublish']");

        Assert.Empty(Headlines(await SearchAsync("zarghun")));
        Assert.Empty(Headlines(await SearchAsync("Taliban recognition")));
    }

    [Fact]
    public async Task Renames_and_deletes_in_the_store_reach_the_index_at_once()
    {
        await AddAsync(author => TestData.Article(author, headline: "Harnai coal miners strike"));
        Assert.Equal(["Harnai coal miners strike"], Headlines(await SearchAsync("Harnai")));

        await App.WithDbAsync(async db =>
        {
            (await db.Authors.FirstAsync()).Name = "Desk Kharan";
            await db.SaveChangesAsync();
        });
        Assert.Contains("Harnai coal miners strike", Headlines(await SearchAsync("Kharan")));

        await App.WithDbAsync(async db =>
        {
            (await db.Articles.FirstAsync(a => a.Headline == "Harnai coal miners strike")).Headline = "Coal miners strike in Duki";
            await db.SaveChangesAsync();
        });
        Assert.Empty(Headlines(await SearchAsync("Harnai")));
        Assert.Equal(["Coal miners strike in Duki"], Headlines(await SearchAsync("Duki")));

        await App.WithDbAsync(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Headline == "Coal miners strike in Duki"));
            await db.SaveChangesAsync();
        });
        Assert.Empty(Headlines(await SearchAsync("Duki")));
    }

    [Fact]
    public async Task Results_are_paged_ten_at_a_time_keeping_the_query()
    {
        await AddAsync(Enumerable.Range(1, 12).Select(i => (Func<Author, Article>)(author =>
            TestData.Article(author, headline: $"Pishin apple harvest report {i}", publishedAt: TestApp.Start.AddDays(-i)))).ToArray());

        var first = await SearchAsync("Pishin");
        Assert.Equal(10, Headlines(first).Count);
        Assert.Equal("12 stories match “Pishin”", first.One("#results-heading").Text());
        var next = first.One(".pager a[rel=next]").GetAttribute("href")!;
        Assert.Equal("/search/page/2?q=Pishin", next);

        var second = await App.CreateReader().GetDocumentAsync(next);
        Assert.Equal(["Pishin apple harvest report 11", "Pishin apple harvest report 12"], Headlines(second));
        Assert.Equal("Pishin", second.One("#search-q").GetAttribute("value"));
        using var beyond = await App.CreateReader().GetAsync("/search/page/3?q=Pishin");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task Past_a_thousand_matches_readers_are_told_more_than_a_thousand_and_can_still_page_to_the_last()
    {
        var reader = App.CreateReader();
        await AddAsync(Reports(1, 1000));

        var exactly = await SearchAsync("Bugti");
        Assert.Equal("1,000 stories match “Bugti”", exactly.One("#results-heading").Text());
        Assert.Equal("Page 1 of 100", exactly.One(".pager span").Text());
        Assert.Empty((await reader.GetDocumentAsync("/search/page/100?q=Bugti")).QuerySelectorAll(".pager a[rel=next]"));

        await AddAsync(Reports(1001, 1021));

        var first = await SearchAsync("Bugti");
        Assert.Equal("More than 1,000 stories match “Bugti”", first.One("#results-heading").Text());
        Assert.Equal("Page 1", first.One(".pager span").Text());
        Assert.Equal("/search/page/2?q=Bugti", first.One(".pager a[rel=next]").GetAttribute("href"));

        // Pages past the thousandth match count on to reach themselves, and say the same of the total until the last.
        var past = await reader.GetDocumentAsync("/search/page/101?q=Bugti");
        Assert.Equal("More than 1,000 stories match “Bugti”", past.One("#results-heading").Text());
        Assert.Equal("/search/page/102?q=Bugti", past.One(".pager a[rel=next]").GetAttribute("href"));
        var last = await reader.GetDocumentAsync("/search/page/103?q=Bugti");
        Assert.Equal(["Dera Bugti gas field report 1021"], Headlines(last));
        Assert.Equal("1,021 stories match “Bugti”", last.One("#results-heading").Text());
        Assert.Equal("Page 103 of 103", last.One(".pager span").Text());
        Assert.Empty(last.QuerySelectorAll(".pager a[rel=next]"));
        using var beyond = await reader.GetAsync("/search/page/104?q=Bugti");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    /// <summary>Reports numbered <paramref name="first"/> to <paramref name="last"/>, each a minute older than the one before.</summary>
    private static Func<Author, Article>[] Reports(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(i => (Func<Author, Article>)(author =>
            TestData.Article(author, headline: $"Dera Bugti gas field report {i}", publishedAt: TestApp.Start.AddMinutes(-i)))).ToArray();

    [Fact]
    public async Task A_page_that_reaches_past_the_headline_matches_goes_on_with_the_body_matches()
    {
        // Twelve stories with the words in the headline fill the first page and open the second; ten newer ones
        // with the words only in the body follow them, newest first, over the second page and onto the third.
        await AddAsync([
            .. Enumerable.Range(1, 12).Select(i => (Func<Author, Article>)(author =>
                TestData.Article(author, headline: $"Kharan meteorite report {i}", body: "Field notes.", publishedAt: TestApp.Start.AddDays(-20 - i)))),
            .. Enumerable.Range(1, 10).Select(i => (Func<Author, Article>)(author =>
                TestData.Article(author, headline: $"Desert sky survey {i}", body: "A Kharan meteorite was logged.", publishedAt: TestApp.Start.AddDays(-i)))),
        ]);

        var first = await SearchAsync("Kharan meteorite");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Kharan meteorite report {i}"), Headlines(first));
        Assert.Equal("22 stories match “Kharan meteorite”", first.One("#results-heading").Text());

        var second = await App.CreateReader().GetDocumentAsync("/search/page/2?q=Kharan+meteorite");
        Assert.Equal(["Kharan meteorite report 11", "Kharan meteorite report 12", .. Enumerable.Range(1, 8).Select(i => $"Desert sky survey {i}")], Headlines(second));
        var third = await App.CreateReader().GetDocumentAsync("/search/page/3?q=Kharan+meteorite");
        Assert.Equal(["Desert sky survey 9", "Desert sky survey 10"], Headlines(third));
    }

    [Fact]
    public async Task Hidden_stories_are_neither_counted_nor_let_stand_in_for_visible_headline_matches()
    {
        // Nine visible stories and four hidden ones have the words in the headline: thirteen would fill the first
        // page with headline matches alone, so it must go on to the story with the words only in the body.
        await AddAsync([
            .. Enumerable.Range(1, 9).Select(i => (Func<Author, Article>)(author =>
                TestData.Article(author, headline: $"Zhob orchard report {i}", publishedAt: TestApp.Start.AddDays(-i)))),
            author => TestData.Article(author, headline: "Zhob orchard draft", status: ArticleStatus.Draft),
            author => TestData.Article(author, headline: "Zhob orchard in review", status: ArticleStatus.InReview),
            author => TestData.Article(author, headline: "Zhob orchard binned", status: ArticleStatus.Trashed),
            author => TestData.Article(author, headline: "Zhob orchard tomorrow", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(1)),
            author => TestData.Article(author, headline: "Fruit markets", body: "Zhob orchard growers sold early.", publishedAt: TestApp.Start.AddDays(-30)),
        ]);

        var results = await SearchAsync("Zhob orchard");

        Assert.Equal("10 stories match “Zhob orchard”", results.One("#results-heading").Text());
        Assert.Equal([.. Enumerable.Range(1, 9).Select(i => $"Zhob orchard report {i}"), "Fruit markets"], Headlines(results));

        // Out now, the scheduled story makes ten visible headline matches: they alone fill the first page.
        App.Clock.Advance(TimeSpan.FromDays(1));

        var later = await SearchAsync("Zhob orchard");
        Assert.Equal("11 stories match “Zhob orchard”", later.One("#results-heading").Text());
        Assert.Equal(
            [.. Enumerable.Range(1, 9).Select(i => $"Zhob orchard report {i}"), "Zhob orchard tomorrow"],
            Headlines(later).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_excluded_word_leaves_its_headline_matches_out_of_the_count_that_decides_the_page()
    {
        // Eleven headlines have both words, but two of them also the excluded one: the nine left do not fill
        // the page, which goes on to the story with the words only in the body.
        await AddAsync([
            .. Enumerable.Range(1, 9).Select(i => (Func<Author, Article>)(author =>
                TestData.Article(author, headline: $"Turbat harvest report {i}", body: "Field notes.", publishedAt: TestApp.Start.AddDays(-i)))),
            .. Enumerable.Range(1, 2).Select(i => (Func<Author, Article>)(author =>
                TestData.Article(author, headline: $"Turbat harvest in Kech {i}", body: "Field notes.", publishedAt: TestApp.Start.AddDays(-i)))),
            author => TestData.Article(author, headline: "Market prices", body: "The Turbat harvest sold early.", publishedAt: TestApp.Start.AddDays(-30)),
        ]);

        var results = await SearchAsync("Turbat harvest -Kech");

        Assert.Equal("10 stories match “Turbat harvest -Kech”", results.One("#results-heading").Text());
        Assert.Equal([.. Enumerable.Range(1, 9).Select(i => $"Turbat harvest report {i}"), "Market prices"], Headlines(results));
    }

    [Theory]
    [InlineData("", "Type a word or two above to search the stories.")]
    [InlineData("   ", "Type a word or two above to search the stories.")]
    [InlineData("?!*", "Type a word to search for: letters or numbers, not only punctuation.")]
    public async Task An_empty_or_punctuation_only_query_gets_a_calm_page(string query, string message)
    {
        using var response = await App.CreateReader().GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await response.ParseAsync()).One(".calm").Text());
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_the_masthead()
    {
        foreach (var path in new[] { "/", Seed.Permalink, "/category/politics", "/no-such-page" })
        {
            using var response = await App.CreateReader().GetAsync(path);
            var form = (await response.ParseAsync()).One(".masthead form[role=search]");
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.Equal("Search stories", form.One("label[for=masthead-q]").Text());
            Assert.Equal("q", form.One("input#masthead-q").GetAttribute("name"));
        }
    }
}
