using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Import;

namespace QuettaVoice.Tests.Import;

public sealed class StoryImporterTests : SiteTest
{
    private readonly TempFolder folder = new();
    private readonly StringWriter output = new();

    public override Task InitializeAsync()
    {
        _ = App.Server; // starts the site: migrations applied, sections created, no seed stories
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        folder.Dispose();
        await base.DisposeAsync();
    }

    private async Task<ImportResult> ImportAsync(ImportRequest request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoryImporter>().ImportAsync(request, output);
    }

    private Task<List<Article>> StoriesAsync() =>
        App.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Author).Include(a => a.Section).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_seed_story_is_stored_with_every_part_in_its_place()
    {
        var result = await ImportAsync(new ImportRequest([Seed.FilePath]));

        Assert.Equal(new ImportResult(1, 0, 0), result);
        var story = Assert.Single(await StoriesAsync());
        Assert.Equal(Seed.Headline, story.Headline);
        Assert.Equal(Seed.Slug, story.Slug);
        Assert.Equal("Monitoring Desk", story.Byline);
        Assert.Equal("MOSCOW", story.Dateline);
        Assert.Equal("Screenshot", story.FeaturedImage.Caption);
        Assert.False(story.FeaturedImage.HasFile);
        Assert.Equal("Quetta Voice", story.Author.Name);
        Assert.StartsWith(Seed.BioStart, story.Author.Bio);
        Assert.Equal(ArticleStatus.Published, story.Status);
        Assert.Equal(TestApp.Start.UtcDateTime, story.PublishedAt);
        Assert.True(story.CommentsOpen);
        foreach (var furniture in Seed.Furniture)
        {
            Assert.DoesNotContain(furniture, story.Body);
        }
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await ImportAsync(new ImportRequest([Seed.FilePath]));
        var crlf = folder.Write("copy-with-crlf.txt", Seed.Text.Replace("\n", "\r\n"));
        var padded = folder.Write("copy-with-trailing-blanks.txt", "\n" + Seed.Text.Replace("Desk:", "Desk:   ") + "\n\n\n");

        var again = await ImportAsync(new ImportRequest([Seed.FilePath, crlf, padded]));

        Assert.Equal(new ImportResult(0, 3, 0), again);
        Assert.Single(await StoriesAsync());
        Assert.Single(await App.WithDbAsync(db => db.Authors.ToListAsync()));
        Assert.Contains("skipped, already imported as", output.ToString());
    }

    [Fact]
    public async Task A_folder_imports_every_txt_file_in_name_order_and_reports_progress()
    {
        folder.Write("b.txt", "QUETTA: Second story about schools.");
        folder.Write("a.txt", "QUETTA: First story about water.");
        folder.Write("C.TXT", "QUETTA: Third story about roads.");
        folder.Write("notes.md", "QUETTA: Not a story file.");

        var result = await ImportAsync(new ImportRequest([folder.Path]));

        Assert.Equal(3, result.Imported);
        Assert.Equal(["First story about water", "Second story about schools", "Third story about roads"], (await StoriesAsync()).Select(s => s.Headline));
        Assert.Contains("[1/3]", output.ToString());
        Assert.Contains("[3/3]", output.ToString());
    }

    [Fact]
    public async Task A_folder_with_no_story_files_is_a_failure_not_a_silent_success()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "empty")).FullName;

        var result = await ImportAsync(new ImportRequest([empty]));

        Assert.Equal(new ImportResult(0, 0, 1), result);
        Assert.Contains("no .txt files in this folder", output.ToString());
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "file is empty" },
        { "blank.txt", "\uFEFF \n\n  "u8.ToArray(), "file is empty" },
        { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A, 0x1A], "binary file" },
        { "latin1.txt", [0x51, 0x75, 0x65, 0x74, 0x74, 0x61, 0x20, 0xE9, 0x74, 0xE9, 0x2E], "not valid UTF-8" },
        { "notepad-unicode.txt", [0xFF, 0xFE, 0x51, 0x00, 0x55, 0x00], "UTF-16 text; save it as UTF-8" },
        { "huge.txt", System.Text.Encoding.UTF8.GetBytes(new string('a', 1024 * 1024 + 1)), "limit is 1 MB" },
        { "furniture.txt", "Screenshot\n\nLeave a Reply\n\nAbout the Author\n\nA bio."u8.ToArray(), "no story text" },
        { "word-line-break.txt", "Budget tabled\n\nQUETTA: The budget\u000Bwas tabled."u8.ToArray(), "a control character (U+000B) on line 3" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_named_with_its_reason_leaves_no_trace_and_does_not_stop_the_others(string name, byte[] content, string reason)
    {
        var bad = folder.WriteBytes(name, content);
        var good = folder.Write("zz-good.txt", "QUETTA: A good story about the budget.");

        var result = await ImportAsync(new ImportRequest([bad, good]));

        Assert.Equal(new ImportResult(1, 0, 1), result);
        var errorLine = Assert.Single(output.ToString().Split('\n'), l => l.Contains("error:"));
        Assert.Contains(name, errorLine);
        Assert.Contains(reason, errorLine);
        Assert.Equal(["A good story about the budget"], (await StoriesAsync()).Select(s => s.Headline));
        Assert.Single(await App.WithDbAsync(db => db.Authors.ToListAsync()));
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_name()
    {
        var result = await ImportAsync(new ImportRequest([Path.Combine(folder.Path, "nowhere.txt")]));

        Assert.Equal(1, result.Failed);
        Assert.Contains("nowhere.txt: error: file not found", output.ToString());
        Assert.Empty(await StoriesAsync());
    }

    [Fact]
    public async Task A_failure_while_writing_rolls_the_whole_file_back()
    {
        // The store refuses the story row after the new author row was written in the same file's transaction.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? """
              CREATE FUNCTION refuse_story() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'store refused the story'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_story BEFORE INSERT ON "Articles" FOR EACH ROW EXECUTE FUNCTION refuse_story();
              """
            : "CREATE TRIGGER refuse_story BEFORE INSERT ON Articles BEGIN SELECT RAISE(ABORT, 'store refused the story'); END;"));

        var result = await ImportAsync(new ImportRequest([Seed.FilePath]) { Author = "New Author" });

        Assert.Equal(1, result.Failed);
        Assert.Contains("store refused the story", output.ToString());
        Assert.Empty(await StoriesAsync());
        Assert.Empty(await App.WithDbAsync(db => db.Authors.ToListAsync()));
    }

    [Fact]
    public async Task A_file_the_store_refuses_is_left_out_alone_and_the_files_around_it_go_in()
    {
        // A batch is written with one save; the refusal undoes it, and the batch goes in again file by file.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? """
              CREATE FUNCTION refuse_story() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'store refused the story'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_story BEFORE INSERT ON "Articles" FOR EACH ROW WHEN (NEW."Headline" LIKE '%refused%') EXECUTE FUNCTION refuse_story();
              """
            : "CREATE TRIGGER refuse_story BEFORE INSERT ON Articles WHEN new.Headline LIKE '%refused%' BEGIN SELECT RAISE(ABORT, 'store refused the story'); END;"));
        folder.Write("a.txt", "QUETTA: First story about water.");
        folder.Write("b.txt", "QUETTA: Story refused by the store.");
        folder.Write("c.txt", "QUETTA: Third story about roads.");

        var result = await ImportAsync(new ImportRequest([folder.Path]) { Author = "New Author" });

        Assert.Equal(new ImportResult(2, 0, 1), result);
        var errorLine = Assert.Single(output.ToString().Split('\n'), l => l.Contains("error:"));
        Assert.Contains("b.txt: error:", errorLine);
        Assert.Contains("store refused the story", errorLine);
        Assert.Equal(["First story about water", "Third story about roads"], (await StoriesAsync()).Select(s => s.Headline));
        Assert.Single(await App.WithDbAsync(db => db.Authors.ToListAsync()));
    }

    [Fact]
    public async Task A_file_twice_in_one_run_is_stored_once()
    {
        var first = folder.Write("a.txt", Seed.Text);
        var copy = folder.Write("b.txt", Seed.Text.Replace("\n", "\r\n"));

        var result = await ImportAsync(new ImportRequest([first, copy]));

        Assert.Equal(new ImportResult(1, 1, 0), result);
        Assert.Single(await StoriesAsync());
        Assert.Contains($"b.txt: skipped, already imported as {Seed.Permalink}", output.ToString());
    }

    [Fact]
    public async Task Search_finds_the_stories_of_an_import_as_soon_as_it_is_done()
    {
        Assert.Contains("No stories match", (await App.CreateReader().GetDocumentAsync("/search?q=roads")).Body!.TextContent);
        folder.Write("a.txt", "QUETTA: First story about water.");
        folder.Write("b.txt", "QUETTA: Second story about new roads.");

        await ImportAsync(new ImportRequest([folder.Path]));

        var results = await App.CreateReader().GetDocumentAsync("/search?q=roads");
        Assert.Equal(["Second story about new roads"], results.QuerySelectorAll(".search-results .card-headline a").Select(a => a.TextContent));
    }

    [SkippableFact]
    public async Task The_import_puts_back_the_connection_settings_it_changed()
    {
        // The import's connection goes back to the pool to serve the site: it must come back as it was lent.
        Skip.If(TestDatabase.IsPostgres, "SQLite's settings");
        folder.Write("a.txt", "QUETTA: First story about water.");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        var before = await SettingsAsync(db);

        await scope.ServiceProvider.GetRequiredService<StoryImporter>().ImportAsync(new ImportRequest([folder.Path]), output);

        Assert.Equal(before, await SettingsAsync(db));
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        Assert.True(db.Database.AutoSavepointsEnabled);
    }

    private static async Task<string> SettingsAsync(NewsDb db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var values = new List<string>();
            foreach (var pragma in new[] { "temp_store", "cache_size", "synchronous", "wal_autocheckpoint" })
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                values.Add($"{pragma}={await command.ExecuteScalarAsync()}");
            }

            return string.Join(", ", values);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Options_set_the_title_author_section_and_time()
    {
        var published = new DateTimeOffset(2025, 7, 3, 11, 30, 0, TimeSpan.FromHours(5));
        var file = folder.Write("s.txt", "QUETTA: The budget was tabled.\n\nAbout the Author\n\nCovers the economy.");

        await ImportAsync(new ImportRequest([file])
        {
            Title = "Budget tabled", Author = "Shahzada Zulfiqar", Section = "Economy", PublishedAt = published.UtcDateTime,
        });

        var story = Assert.Single(await StoriesAsync());
        Assert.Equal("Budget tabled", story.Headline);
        Assert.Equal("budget-tabled", story.Slug);
        Assert.Equal("Shahzada Zulfiqar", story.Author.Name);
        Assert.Equal("Covers the economy.", story.Author.Bio);
        Assert.Equal("economy", story.Section!.Slug);
        Assert.Equal(published.UtcDateTime, story.PublishedAt);
        Assert.Equal(published.UtcDateTime, story.UpdatedAt);
        Assert.Equal(DatabaseSectionCount, await App.WithDbAsync(db => db.Sections.CountAsync()));
    }

    private static int DatabaseSectionCount => QuettaVoice.Web.Data.DatabaseInitializer.DefaultSections.Count;

    [Fact]
    public async Task An_existing_author_is_reused_and_keeps_the_bio_they_have()
    {
        await App.WithDbAsync(db =>
        {
            db.Authors.Add(TestData.Author("Quetta Voice", bio: "Our own words."));
            return db.SaveChangesAsync();
        });

        await ImportAsync(new ImportRequest([Seed.FilePath]));

        var author = Assert.Single(await App.WithDbAsync(db => db.Authors.ToListAsync()));
        Assert.Equal("Our own words.", author.Bio);
    }

    [Fact]
    public async Task A_story_dated_in_the_future_is_scheduled_not_published()
    {
        await ImportAsync(new ImportRequest([Seed.FilePath]) { PublishedAt = TestApp.Start.AddDays(1).UtcDateTime });

        Assert.Equal(ArticleStatus.Scheduled, Assert.Single(await StoriesAsync()).Status);
    }

    [Fact]
    public async Task Two_stories_with_one_headline_get_different_slugs()
    {
        var first = folder.Write("1.txt", "QUETTA: Rain fell.");
        var second = folder.Write("2.txt", "QUETTA: Rain fell again.");

        await ImportAsync(new ImportRequest([first, second]) { Title = "Rain in Quetta" });

        Assert.Equal(["rain-in-quetta", "rain-in-quetta-2"], (await StoriesAsync()).Select(s => s.Slug));
    }

    [Fact]
    public async Task A_dry_run_prints_what_it_would_store_and_stores_nothing()
    {
        var result = await ImportAsync(new ImportRequest([Seed.FilePath]) { DryRun = true });

        Assert.Equal(1, result.Imported);
        Assert.Contains($"would import “{Seed.Headline}” at {Seed.Permalink}", output.ToString());
        Assert.Empty(await StoriesAsync());
        Assert.Empty(await App.WithDbAsync(db => db.Authors.ToListAsync()));
    }
}
