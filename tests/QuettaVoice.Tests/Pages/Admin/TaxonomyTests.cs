using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>Editors keep the authors, sections and tags that readers browse by.</summary>
public sealed class TaxonomyTests : SiteTest
{
    private HttpClient editor = null!;

    public override async Task InitializeAsync() => editor = await App.SignInAsync(Roles.Editor);

    [Fact]
    public async Task An_author_profile_is_created_linked_to_an_account_and_shown_to_readers()
    {
        await App.CreateUserAsync(Roles.Writer);
        var form = await editor.GetDocumentAsync("/admin/authors/new");
        var writerId = form.QuerySelectorAll("select[name='Input.UserId'] option").First(o => o.Text() == "Test Writer").GetAttribute("value")!;

        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Sana Baloch",
            ["Input.Bio"] = "Covers **education** in Balochistan.",
            ["Input.UserId"] = writerId,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await App.CreateReader().GetDocumentAsync("/author/sana-baloch");
        Assert.Equal("education", profile.One(".author-bio strong").Text());
        Assert.Equal(writerId, await App.WithDbAsync(db => db.Authors.Where(a => a.Slug == "sana-baloch").Select(a => a.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Two_authors_cannot_share_an_address()
    {
        await App.WithDbAsync(db => { db.Authors.Add(TestData.Author("Sana Baloch")); return db.SaveChangesAsync(); });
        var form = await editor.GetDocumentAsync("/admin/authors/new");

        using var refused = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Sana Baloch" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Another author already has the address", (await refused.ParseAsync()).One("#slug-error").Text());
    }

    [Fact]
    public async Task A_bio_with_a_picture_from_outside_the_library_is_refused_and_kept_as_typed()
    {
        var form = await editor.GetDocumentAsync("/admin/authors/new");
        var bio = "Covers education.\n\n![Sana at work](http://example.org/sana.jpg)";

        using var refused = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Sana Baloch", ["Input.Bio"] = bio });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("this one does not: http://example.org/sana.jpg.", page.One("#bio-error").Text());
        Assert.Equal(bio, page.One("textarea[name='Input.Bio']").TextContent.Replace("\r\n", "\n").Trim());
        Assert.False(await App.WithDbAsync(db => db.Authors.AnyAsync(a => a.Slug == "sana-baloch")));
    }

    [Fact]
    public async Task An_authors_photo_must_be_the_librarys_and_readers_get_the_smallest_copy_that_fills_the_avatar()
    {
        using var uploaded = await editor.UploadAsync(await editor.GetDocumentAsync("/admin/media"), "Image", TestImages.Jpeg(1200, 800), "sana.jpg", "image/jpeg");
        var pasted = ResponsiveImage.For(await App.WithDbAsync(db => db.Media.SingleAsync())).Src;
        var nowhere = "/media/0123456789abcdef0123456789abcdef-960.jpg";

        using var refused = await editor.SubmitAsync(
            await editor.GetDocumentAsync("/admin/authors/new"), new Dictionary<string, string> { ["Input.Name"] = "Sana Baloch", ["Input.PhotoPath"] = nowhere });
        Assert.Contains("No picture in the media library has that address", (await refused.ParseAsync()).One("#photo-error").Text());

        using var saved = await editor.SubmitAsync(
            await editor.GetDocumentAsync("/admin/authors/new"), new Dictionary<string, string> { ["Input.Name"] = "Sana Baloch", ["Input.PhotoPath"] = pasted });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var photo = (await App.CreateReader().GetDocumentAsync("/author/sana-baloch")).One(".author-photo");
        Assert.EndsWith("-960.jpg", pasted, StringComparison.Ordinal);
        Assert.Equal(("96px", "96", "96"), (photo.GetAttribute("sizes"), photo.GetAttribute("width"), photo.GetAttribute("height")));
        // At 96 CSS pixels even a screen of twice the density is filled by the 480-pixel copy, which the browser picks from these.
        Assert.StartsWith(pasted.Replace("-960.jpg", "-480.jpg", StringComparison.Ordinal) + " 480w, ", photo.GetAttribute("srcset"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_saved_before_the_check_that_is_no_library_copy_is_left_out_rather_than_shown_broken()
    {
        var author = TestData.Author("Sana Baloch");
        author.PhotoPath = "/media/old-site/sana.jpg";
        await App.WithDbAsync(db => { db.Authors.Add(author); return db.SaveChangesAsync(); });

        var profile = await App.CreateReader().GetDocumentAsync("/author/sana-baloch");

        Assert.Equal("Sana Baloch", profile.One("main h1").Text());
        Assert.Empty(profile.QuerySelectorAll("main img"));
    }

    [Fact]
    public async Task A_new_section_takes_its_place_in_the_masthead_and_a_renamed_one_keeps_its_address()
    {
        var form = await editor.GetDocumentAsync("/admin/sections");
        using var added = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Balochistan", ["Input.Position"] = "0" });
        form = await editor.GetDocumentAsync("/admin/sections");
        var climate = await editor.GetDocumentAsync(form.One("tr[data-section='climate'] a[href*='id=']").GetAttribute("href")!);
        using var renamed = await editor.SubmitAsync(climate, new Dictionary<string, string> { ["Input.Name"] = "Climate & Water", ["Input.Position"] = "9" });

        var masthead = (await App.CreateReader().GetDocumentAsync("/")).QuerySelectorAll("nav.sections a").Skip(1).Select(a => a.Text()).ToList();
        Assert.Equal("Balochistan", masthead[0]);
        Assert.Equal("Climate & Water", masthead[^1]);
        Assert.Equal("Climate & Water", (await App.CreateReader().GetDocumentAsync("/category/climate")).One("main h1").Text());
    }

    [Fact]
    public async Task Renaming_a_section_from_its_change_link_keeps_its_description_and_place()
    {
        await App.WithDbAsync(db => db.Sections.Where(s => s.Slug == "climate")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Description, "Drought, floods and the changing seasons.").SetProperty(x => x.Position, 7)));
        var list = await editor.GetDocumentAsync("/admin/sections");

        var form = await editor.GetDocumentAsync(list.One("tr[data-section='climate'] a[href*='id=']").GetAttribute("href")!);
        Assert.Equal("Change the section Climate", form.One("#section-form").Text());
        Assert.Equal("Drought, floods and the changing seasons.", form.ValueOf("Input.Description"));
        using var renamed = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Climate & Water" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var saved = await App.WithDbAsync(db => db.Sections.AsNoTracking().SingleAsync(s => s.Slug == "climate"));
        Assert.Equal(("Climate & Water", "Drought, floods and the changing seasons.", 7), (saved.Name, saved.Description, saved.Position));
    }

    [Fact]
    public async Task The_second_of_two_editors_saving_an_author_sees_the_first_ones_save_and_keeps_their_own_words()
    {
        var id = await App.WithDbAsync(async db =>
        {
            var author = TestData.Author("Sana Baloch");
            author.Bio = "Covers education.";
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        });
        var other = await App.SignInAsync(Roles.Editor);
        var mine = await editor.GetDocumentAsync($"/admin/authors/{id}/edit");
        var theirs = await other.GetDocumentAsync($"/admin/authors/{id}/edit");

        using var theirSave = await other.SubmitAsync(theirs, new Dictionary<string, string> { ["Input.Bio"] = "Covers education and health." });
        using var mySave = await editor.SubmitAsync(mine, new Dictionary<string, string> { ["Input.Bio"] = "Covers schools in Quetta." });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Conflict), (theirSave.StatusCode, mySave.StatusCode));
        var conflict = await mySave.ParseAsync();
        Assert.Contains("Someone else saved this author", conflict.One(".form-errors").Text());
        Assert.Contains("Covers education and health.", conflict.One(".conflict").Text());
        Assert.Equal("Covers schools in Quetta.", conflict.One("textarea[name='Input.Bio']").TextContent.Trim());
        Assert.Equal("Covers education and health.", await App.WithDbAsync(db => db.Authors.Where(a => a.Id == id).Select(a => a.Bio).SingleAsync()));

        // Saving again from the conflict page replaces theirs, knowingly.
        using var again = await editor.SubmitAsync(conflict, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Covers schools in Quetta.", await App.WithDbAsync(db => db.Authors.Where(a => a.Id == id).Select(a => a.Bio).SingleAsync()));
    }

    private async Task<(string, string?)> NameAndDescriptionAsync(int sectionId)
    {
        var section = await App.WithDbAsync(db => db.Sections.AsNoTracking().SingleAsync(s => s.Id == sectionId));
        return (section.Name, section.Description);
    }

    [Fact]
    public async Task The_second_of_two_editors_saving_a_section_sees_the_first_ones_save_and_keeps_their_own_words()
    {
        var id = await App.WithDbAsync(db => db.Sections.Where(s => s.Slug == "climate").Select(s => s.Id).SingleAsync());
        var other = await App.SignInAsync(Roles.Editor);
        var mine = await editor.GetDocumentAsync($"/admin/sections?id={id}");
        var theirs = await other.GetDocumentAsync($"/admin/sections?id={id}");

        using var theirSave = await other.SubmitAsync(theirs, new Dictionary<string, string> { ["Input.Description"] = "Drought and floods." });
        using var mySave = await editor.SubmitAsync(mine, new Dictionary<string, string> { ["Input.Name"] = "Climate & Water" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Conflict), (theirSave.StatusCode, mySave.StatusCode));
        var conflict = await mySave.ParseAsync();
        Assert.Contains("Someone else saved this section", conflict.One(".form-errors").Text());
        Assert.Contains("Drought and floods.", conflict.One(".conflict").Text());
        Assert.Equal(("Climate & Water", ""), (conflict.ValueOf("Input.Name"), conflict.ValueOf("Input.Description")));
        Assert.Equal(("Climate", "Drought and floods."), await NameAndDescriptionAsync(id));

        using var again = await editor.SubmitAsync(conflict, new Dictionary<string, string> { ["Input.Description"] = "Drought and floods." });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(("Climate & Water", "Drought and floods."), await NameAndDescriptionAsync(id));
    }

    [Theory]
    [InlineData("Input.Position", "5000", "#section-position-error")]
    [InlineData("Input.Position", "first", "#section-position-error")]
    [InlineData("Input.Description", "", "#section-description-error")]
    public async Task A_refused_section_field_is_named_beside_itself(string field, string value, string errorSelector)
    {
        var form = await editor.GetDocumentAsync("/admin/sections");

        using var refused = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Sport", [field] = value.Length > 0 ? value : new string('x', 501) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.NotEqual("", page.One(errorSelector).Text());
        Assert.Equal("Sport", page.ValueOf("Input.Name"));
        Assert.False(await App.WithDbAsync(db => db.Sections.AnyAsync(s => s.Name == "Sport")));
    }

    [Theory]
    [InlineData("/admin/authors/new", "Authors", "#slug-error", "Another author took the address “sana-baloch” a moment ago. Choose another.")]
    [InlineData("/admin/sections", "Sections", "#section-name-error", "There is already a section at /category/sana-baloch: another was added a moment ago.")]
    public async Task An_address_taken_by_another_save_at_the_same_moment_is_refused_and_the_form_kept(string url, string table, string errorSelector, string message)
    {
        var form = await editor.GetDocumentAsync(url);
        // Held once it has found the address free; another save takes it meanwhile.
        var hold = App.SqlPause.Next(sql => sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal) && sql.Contains("\"Slug\" =", StringComparison.Ordinal));
        var saving = editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Sana Baloch" });
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await App.WithDbAsync(db =>
        {
            if (table == "Authors")
            {
                db.Authors.Add(TestData.Author("Sana Baloch"));
            }
            else
            {
                db.Sections.Add(TestData.Section("Sana Baloch", position: 9));
            }

            return db.SaveChangesAsync();
        });
        hold.Release();

        using var response = await saving;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(message, page.One(errorSelector).Text());
        Assert.Equal("Sana Baloch", page.ValueOf("Input.Name"));
    }

    [Fact]
    public async Task A_tag_merged_twice_leads_to_the_last_and_a_tag_made_again_under_its_name_is_its_own()
    {
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            foreach (var (headline, tag) in new[] { ("Gas royalties", "Finance"), ("Budget tabled", "Economy"), ("Trade at Gwadar", "Business") })
            {
                var story = TestData.Article(author, headline: headline);
                story.Tags.Add(TestData.Tag(tag));
                db.Articles.Add(story);
            }

            return db.SaveChangesAsync();
        });
        async Task MergeAsync(string from, string into)
        {
            using var merged = await editor.SubmitAsync(await editor.GetDocumentAsync("/admin/tags"), new Dictionary<string, string> { ["Merge.From"] = from, ["Merge.Into"] = into }, "form.merge-form");
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        await MergeAsync("Finance", "Economy");
        await MergeAsync("Economy", "Business");

        var reader = App.CreateReader();
        foreach (var old in new[] { "/tag/finance", "/tag/economy" })
        {
            using var response = await reader.GetAsync(old);
            Assert.Equal((HttpStatusCode.MovedPermanently, "/tag/business"), (response.StatusCode, response.Headers.Location?.OriginalString));
        }

        // A story tagged Finance again makes the tag anew: its page is its own, not the tag it once went into.
        await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(await db.Authors.FirstAsync(), headline: "Provincial finance commission");
            story.Tags.Add(TestData.Tag("Finance"));
            db.Articles.Add(story);
            await db.SaveChangesAsync();
        });
        Assert.Equal(["Provincial finance commission"], (await reader.GetDocumentAsync("/tag/finance")).QuerySelectorAll(".card h3 a").Select(a => a.Text()));

        // A tag made again whose one story is not out yet is not there for readers, nor does its address lead elsewhere.
        await App.WithDbAsync(async db =>
        {
            var story = TestData.Article(await db.Authors.FirstAsync(), headline: "Economy survey", status: ArticleStatus.Scheduled, publishedAt: TestApp.Start.AddDays(2));
            story.Tags.Add(TestData.Tag("Economy"));
            db.Articles.Add(story);
            await db.SaveChangesAsync();
        });
        using (var embargoed = await reader.GetAsync("/tag/economy"))
        {
            Assert.Equal(HttpStatusCode.NotFound, embargoed.StatusCode);
        }

        await App.WithDbAsync(db => db.Tags.Where(t => t.Slug == "economy").ExecuteDeleteAsync());

        // Merged back the other way, the old address of the first no longer leads to the second.
        await MergeAsync("Business", "Finance");
        using var back = await reader.GetAsync("/tag/economy");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/tag/finance"), (back.StatusCode, back.Headers.Location?.OriginalString));
        Assert.Equal(4, (await reader.GetDocumentAsync("/tag/finance")).QuerySelectorAll(".card h3 a").Length);
    }

    [Fact]
    public async Task An_authors_page_and_feed_keep_answering_at_the_address_they_had_before_the_slug_changed()
    {
        var id = await App.WithDbAsync(async db =>
        {
            var author = TestData.Author("Sana Baloch");
            db.Articles.Add(TestData.Article(author, headline: "Schools reopen"));
            await db.SaveChangesAsync();
            return author.Id;
        });
        var form = await editor.GetDocumentAsync($"/admin/authors/{id}/edit");

        using var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.Slug"] = "sana-baloch-quetta" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reader = App.CreateReader();
        using var page = await reader.GetAsync("/author/sana-baloch");
        using var feed = await reader.GetAsync("/author/sana-baloch/feed");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/author/sana-baloch-quetta"), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/author/sana-baloch-quetta/feed"), (feed.StatusCode, feed.Headers.Location?.OriginalString));
        Assert.Equal(["Schools reopen"], (await reader.GetDocumentAsync("/author/sana-baloch-quetta")).QuerySelectorAll(".card h3 a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Merging_two_tags_moves_their_stories_and_retires_the_first()
    {
        await App.WithDbAsync(db =>
        {
            var author = TestData.Author();
            var oosc = TestData.Tag("OOSC");
            var children = TestData.Tag("Out-of-school children");
            var a = TestData.Article(author, headline: "Children out of school");
            a.Tags.Add(oosc);
            var b = TestData.Article(author, headline: "Enrolment drive");
            b.Tags.Add(children);
            var both = TestData.Article(author, headline: "Schools in Kech");
            both.Tags.Add(oosc);
            both.Tags.Add(children);
            db.Articles.AddRange(a, b, both);
            return db.SaveChangesAsync();
        });
        var reader = App.CreateReader();
        var storyBefore = await reader.GetDocumentAsync("/2025/07/03/children-out-of-school"); // now cached, with its old tag
        Assert.Equal(["OOSC"], storyBefore.QuerySelectorAll(".story-tags a").Select(a => a.Text()));
        var page = await editor.GetDocumentAsync("/admin/tags");
        var merge = new Dictionary<string, string> { ["Merge.From"] = "OOSC", ["Merge.Into"] = "out-of-school children" }; // as listed, or its address
        static List<string> Counted(AngleSharp.Dom.IDocument tags) =>
            tags.QuerySelectorAll(".admin-table tbody tr").Select(row => $"{row.Children[0].Text()}: {row.Children[2].Text()}").ToList();
        Assert.Equal(["OOSC: 2", "Out-of-school children: 2"], Counted(page));

        using var merged = await editor.SubmitAsync(page, merge, "form.merge-form");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var tagged = (await reader.GetDocumentAsync("/tag/out-of-school-children")).QuerySelectorAll(".card h3 a").Select(a => a.Text()).Order();
        Assert.Equal(["Children out of school", "Enrolment drive", "Schools in Kech"], tagged);
        // The retired tag's address, and its feed's, lead to the tag it went into.
        using var retired = await reader.GetAsync("/tag/oosc");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/tag/out-of-school-children"), (retired.StatusCode, retired.Headers.Location?.OriginalString));
        using var retiredFeed = await reader.GetAsync("/tag/oosc/feed/atom?x=1");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/tag/out-of-school-children/feed/atom?x=1"), (retiredFeed.StatusCode, retiredFeed.Headers.Location?.OriginalString));
        Assert.Equal(["Out-of-school children"], (await reader.GetDocumentAsync("/2025/07/03/children-out-of-school")).QuerySelectorAll(".story-tags a").Select(a => a.Text()));
        Assert.Equal(["Out-of-school children"], (await reader.GetDocumentAsync("/2025/07/03/schools-in-kech")).QuerySelectorAll(".story-tags a").Select(a => a.Text()));
        Assert.Equal(["Out-of-school children: 3"], Counted(await editor.GetDocumentAsync("/admin/tags")));
        // The search index reads the stories' tags again: the retired tag's name finds nothing now.
        Assert.Empty((await reader.GetDocumentAsync("/search?q=OOSC")).QuerySelectorAll(".search-results .card-headline a"));

        // The same form sent again, as a second click would: told beside the field, with what was written kept.
        using var again = await editor.SubmitAsync(page, merge, "form.merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refused = await again.ParseAsync();
        Assert.StartsWith("No tag is called “OOSC”", refused.One("#merge-from-error").Text(), StringComparison.Ordinal);
        Assert.Equal("OOSC", refused.ValueOf("Merge.From"));
        Assert.Equal("out-of-school children", refused.ValueOf("Merge.Into"));
    }

    [Fact]
    public async Task A_merge_takes_a_tag_by_its_name_or_its_address_never_by_a_name_that_only_makes_the_same_address()
    {
        await App.WithDbAsync(db =>
        {
            var story = TestData.Article(TestData.Author(), headline: "Budget debate");
            story.Tags.Add(new Tag { Name = "بجٹ 2025", Slug = "2025" }); // an address of its digits alone
            db.Articles.Add(story);
            db.Tags.AddRange(TestData.Tag("Elections"), TestData.Tag("Health"), new Tag { Name = "صحت", Slug = "tag" }); // as made before names in Urdu had addresses
            return db.SaveChangesAsync();
        });
        var page = await editor.GetDocumentAsync("/admin/tags?paged=1");

        // Another Urdu name with the same digits is no tag, whatever address it would make.
        using var unknown = await editor.SubmitAsync(page, new Dictionary<string, string> { ["Merge.From"] = "انتخابات 2025", ["Merge.Into"] = "Nowhere" }, "form.merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var refused = await unknown.ParseAsync();
        Assert.StartsWith("No tag is called “انتخابات 2025”", refused.One("#merge-from-error").Text(), StringComparison.Ordinal);
        Assert.StartsWith("No tag is called “Nowhere”", refused.One("#merge-into-error").Text(), StringComparison.Ordinal); // both said at once
        Assert.True(await App.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == "بجٹ 2025")));

        // As listed, whatever its address, and as its address copied from the list.
        using var byName = await editor.SubmitAsync(page, new Dictionary<string, string> { ["Merge.From"] = "صحت", ["Merge.Into"] = "/tag/health" }, "form.merge-form");
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        Assert.Equal(["Elections", "Health", "بجٹ 2025"], await App.WithDbAsync(db => db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync()));
    }

    [Fact]
    public async Task The_tags_page_lists_a_hundred_tags_at_a_time_and_refuses_a_merge_of_a_tag_into_itself()
    {
        await App.WithDbAsync(db =>
        {
            db.Tags.AddRange(Enumerable.Range(1, 105).Select(i => TestData.Tag($"Tag {i:D3}")));
            return db.SaveChangesAsync();
        });

        var first = await editor.GetDocumentAsync("/admin/tags");
        var second = await editor.GetDocumentAsync("/admin/tags?paged=2");
        using var past = await editor.GetAsync("/admin/tags?paged=3");

        Assert.Equal(100, first.QuerySelectorAll(".admin-table tbody tr").Length);
        Assert.Equal(["Tag 101", "Tag 102", "Tag 103", "Tag 104", "Tag 105"], second.QuerySelectorAll(".admin-table tbody tr td:first-child").Select(td => td.Text()));
        Assert.Equal("/admin/tags?paged=2", first.One(".pager a[rel=next]").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Empty(first.QuerySelectorAll("select option")); // a merge names its tags; it does not list them all again

        using var itself = await editor.SubmitAsync(first, new Dictionary<string, string> { ["Merge.From"] = "Tag 007", ["Merge.Into"] = "tag-007" }, "form.merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.StartsWith("That is the same tag", (await itself.ParseAsync()).One("#merge-into-error").Text(), StringComparison.Ordinal);
        Assert.Equal(105, await App.WithDbAsync(db => db.Tags.CountAsync()));

        // Refused from the second page, the form comes back on it.
        using var fromSecond = await editor.SubmitAsync(second, new Dictionary<string, string> { ["Merge.From"] = "No such tag", ["Merge.Into"] = "Tag 101" }, "form.merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, fromSecond.StatusCode);
        Assert.Equal("Page 2 of 2", (await fromSecond.ParseAsync()).One(".pager span").Text());
    }
}
