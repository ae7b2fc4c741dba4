using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Bench;

/// <summary>
/// Builds a news archive of a given size straight into the site's SQLite file, far faster than HTTP could.
/// The schema comes from the site's own migrations and the seed story from its own import command; the
/// generated stories, tags and comments are then inserted in large transactions, so the search index is
/// filled by the migrations' triggers exactly as it is when editors save stories. Archives are kept in
/// bench/.data/ under a name holding every input, so a rerun reuses them.
/// </summary>
public sealed partial class ArchiveGenerator(Workspace workspace, BenchOptions options)
{
    /// <summary>Raised whenever what is generated changes, so old cached archives are not mistaken for new ones.</summary>
    private const int FormatVersion = 2;

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly string[] ExtraSections =
        ["Balochistan", "Pakistan", "World", "Opinion", "Business", "Sports", "Culture", "Science", "Technology", "Law"];

    private static readonly string[] TagNames =
    [
        "CPEC", "Reko Diq", "Saindak", "Gwadar Port", "Drought", "Floods", "Polio", "Out-of-school children", "Budget",
        "Provincial Assembly", "Elections", "Missing persons", "Load-shedding", "Gas shortage", "Border trade",
        "Afghan refugees", "Teachers", "Universities", "Hospitals", "Climate change", "Locusts", "Earthquake",
        "Fisheries", "Mining", "Dates", "Apples", "Livestock", "Wheat", "Inflation", "Youth", "Women", "Press freedom",
        "Internet shutdown", "Highways", "Railways", "Solar power", "Water crisis", "Smuggling", "Levies", "Courts",
        "Taliban", "Iran", "China", "Russia", "Afghanistan", "Cricket", "Football", "Literature", "Balochi language",
        "Pashto", "Brahui", "Heritage", "Tourism", "Ziarat juniper", "Hingol National Park",
    ];

    public async Task<Archive> EnsureAsync(int stories)
    {
        var comments = options.CommentsFor(stories);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"archive-{stories}-stories-{comments}-comments-{options.Authors}-authors-{options.Sections}-sections-{options.WordsPerStory}-words-seed-{options.Seed}-schema-{workspace.LatestMigration}-v{FormatVersion}");
        var folder = Path.Combine(workspace.DataRoot, name);
        var manifest = Path.Combine(folder, "archive.json");
        if (!options.Regenerate && File.Exists(manifest))
        {
            return JsonSerializer.Deserialize<Archive>(await File.ReadAllTextAsync(manifest))!;
        }

        Console.WriteLine($"Generating an archive of {stories:N0} stories and {comments:N0} comments (kept in bench/.data/{name})...");
        var clock = Stopwatch.StartNew();
        var building = folder + ".partial";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }

        Directory.CreateDirectory(building);
        // The real import path: migrations, the paper's first sections, the seed story as the newsroom imports it.
        var import = await CommandRun.RunAsync(workspace.SiteExecutable, ["import", workspace.SeedStory],
            SiteProcess.Environment(building), workspace.SiteDirectory);
        if (import.ExitCode != 0)
        {
            throw new InvalidOperationException($"importing the seed story failed:\n{import.Output}");
        }

        var databasePath = Path.Combine(building, "quettavoice.db");
        await FillAsync(databasePath, stories, comments);
        Console.WriteLine($"  seed story imported and archive filled after {clock.Elapsed.TotalSeconds:0.0} s");

        // One start before any measurement: the first start creates the first admin and the key files,
        // which a restart (the cold start measured) does not do again.
        var seedPath = await FirstStartAsync(building, databasePath);
        Console.WriteLine($"  done in {clock.Elapsed.TotalSeconds:0.0} s");

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(building, folder);
        var archive = new Archive(folder, stories, comments, seedPath);
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(archive));
        return archive;
    }

    private async Task FillAsync(string databasePath, int stories, int comments)
    {
        var random = new Random(options.Seed + stories);
        var text = new NewsText(random, await File.ReadAllTextAsync(workspace.SeedStory));

        // Foreign keys off while filling: a story's tags go in before the story, so the insert trigger indexes
        // each story once, with its tags, instead of once per tag. The check at the end proves nothing dangles.
        await using var connection = new SqliteConnection($"Data Source={databasePath};Foreign Keys=False;Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");

        var seed = await ReadSeedStoryAsync(connection);
        var sectionIds = await AddSectionsAsync(connection);
        var authorIds = await AddAuthorsAsync(connection, text);
        var tagIds = await AddTagsAsync(connection);
        var published = await AddStoriesAsync(connection, text, random, stories - 1, sectionIds, authorIds, tagIds);
        await AddCommentsAsync(connection, text, random, seed, published, comments);

        var dangling = await ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_check");
        var indexed = await ScalarAsync(connection, "SELECT count(*) FROM ArticleSearch");
        if (dangling != 0 || indexed != stories)
        {
            throw new InvalidOperationException($"generated archive is inconsistent: {dangling} dangling references, {indexed} of {stories} stories indexed");
        }

        // A site merges its search index every night; an archive is one such site's store the morning after.
        await SearchIndexUpkeep.MergeAsync(connection, CancellationToken.None);
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static async Task<(int Id, DateTime PublishedAt)> ReadSeedStoryAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, PublishedAt FROM Articles ORDER BY Id LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

    private async Task<List<long>> AddSectionsAsync(SqliteConnection connection)
    {
        var existing = await ScalarAsync(connection, "SELECT count(*) FROM Sections");
        await ExecuteAsync(connection, "BEGIN");
        for (var i = (int)existing; i < options.Sections; i++)
        {
            var name = ExtraSections[(i - (int)existing) % ExtraSections.Length];
            await ExecuteAsync(connection, "INSERT INTO Sections (Name, Slug, Description, Position) VALUES ($name, $slug, NULL, $position)",
                ("$name", name), ("$slug", Slug.From(name)), ("$position", i));
        }

        await ExecuteAsync(connection, "COMMIT");
        return await IdsAsync(connection, "SELECT Id FROM Sections ORDER BY Id");
    }

    private async Task<List<long>> AddAuthorsAsync(SqliteConnection connection, NewsText text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < options.Authors)
        {
            names.Add(text.PersonName());
        }

        await ExecuteAsync(connection, "BEGIN");
        var ids = new List<long>();
        foreach (var name in names)
        {
            var topic = text.Topic();
            await ExecuteAsync(connection, "INSERT INTO Authors (Name, Slug, Bio) VALUES ($name, $slug, $bio)",
                ("$name", name), ("$slug", Slug.From(name)), ("$bio", $"{name} reports from {topic.Place}. {text.Sentence(topic)}"));
            ids.Add(await ScalarAsync(connection, "SELECT last_insert_rowid()"));
        }

        await ExecuteAsync(connection, "COMMIT");
        return ids;
    }

    private static async Task<List<long>> AddTagsAsync(SqliteConnection connection)
    {
        await ExecuteAsync(connection, "BEGIN");
        foreach (var name in TagNames.Concat(NewsText.Places).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await ExecuteAsync(connection, "INSERT OR IGNORE INTO Tags (Name, Slug) VALUES ($name, $slug)", ("$name", name), ("$slug", Slug.From(name)));
        }

        await ExecuteAsync(connection, "COMMIT");
        return await IdsAsync(connection, "SELECT Id FROM Tags ORDER BY Id");
    }

    /// <summary>Stories oldest first over seven years, so ids and dates rise together as in a real archive.</summary>
    private async Task<List<(long Id, DateTime PublishedAt)>> AddStoriesAsync(
        SqliteConnection connection, NewsText text, Random random, int count,
        List<long> sectionIds, List<long> authorIds, List<long> tagIds)
    {
        var first = new DateTime(2019, 1, 1, 3, 0, 0, DateTimeKind.Utc);
        var span = new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc) - first;
        var slugs = new HashSet<string>(await SlugsAsync(connection), StringComparer.Ordinal);
        var stories = new List<(long, DateTime)>(count);

        await using var insertTag = connection.CreateCommand();
        insertTag.CommandText = "INSERT INTO ArticleTags (ArticlesId, TagsId) VALUES ($article, $tag)";
        var tagArticle = insertTag.Parameters.Add("$article", SqliteType.Integer);
        var tagTag = insertTag.Parameters.Add("$tag", SqliteType.Integer);

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Articles (Id, Headline, Slug, Standfirst, Body, Dateline, Byline, AuthorId, SectionId, Status,
                                  PublishedAt, CreatedAt, UpdatedAt, CommentsOpen, Version)
            VALUES ($id, $headline, $slug, $standfirst, $body, $dateline, $byline, $author, $section, 'Published',
                    $published, $created, $updated, 1, 0)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$headline", "$slug", "$standfirst", "$body", "$dateline", "$byline", "$author", "$section", "$published", "$created", "$updated" })
        {
            p[name] = insert.Parameters.Add(name, SqliteType.Text);
        }

        var nextId = await ScalarAsync(connection, "SELECT max(Id) FROM Articles") + 1;
        await ExecuteAsync(connection, "BEGIN");
        for (var i = 0; i < count; i++)
        {
            var id = nextId + i;
            var topic = text.Topic();
            var headline = text.Headline(topic);
            var slug = Slug.From(headline);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = Slug.From(headline) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            var publishedAt = first + span * ((i + random.NextDouble()) / count);
            publishedAt = new DateTime(publishedAt.Ticks - publishedAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var credit = random.Next(10);

            foreach (var tag in Enumerable.Range(0, random.Next(0, 5)).Select(_ => text.Pick(tagIds)).Distinct())
            {
                tagArticle.Value = id;
                tagTag.Value = tag;
                await insertTag.ExecuteNonQueryAsync();
            }

            p["$id"].Value = id;
            p["$headline"].Value = headline.Length > 200 ? headline[..200] : headline;
            p["$slug"].Value = slug;
            p["$standfirst"].Value = random.Next(3) == 0 ? DBNull.Value : text.Sentence(topic, 18, 30);
            p["$body"].Value = string.Join("\n\n", text.Paragraphs(topic, options.WordsPerStory));
            p["$dateline"].Value = random.Next(5) == 0 ? DBNull.Value : topic.Place.ToUpperInvariant();
            p["$byline"].Value = credit switch { 0 => "Monitoring Desk", 1 => "Our Correspondent", _ => DBNull.Value };
            p["$author"].Value = text.Pick(authorIds);
            p["$section"].Value = random.Next(20) == 0 ? DBNull.Value : text.Pick(sectionIds);
            p["$published"].Value = publishedAt.ToString(TimeFormat, CultureInfo.InvariantCulture);
            p["$created"].Value = publishedAt.AddMinutes(-random.Next(30, 600)).ToString(TimeFormat, CultureInfo.InvariantCulture);
            p["$updated"].Value = publishedAt.AddMinutes(random.Next(4) == 0 ? random.Next(5, 300) : 0).ToString(TimeFormat, CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
            stories.Add((id, publishedAt));

            if ((i + 1) % 5_000 == 0)
            {
                await ExecuteAsync(connection, "COMMIT; BEGIN;");
            }

            if ((i + 1) % 25_000 == 0)
            {
                Console.WriteLine($"  {i + 1:N0} stories");
            }
        }

        await ExecuteAsync(connection, "COMMIT");
        Console.WriteLine($"  {count + 1:N0} stories with the seed story");
        return stories;
    }

    /// <summary>
    /// Approved comments: the seed story gets its share, the rest go mostly to recent stories, a quarter of
    /// them replies (three deep at most) to earlier comments on the same story.
    /// </summary>
    private async Task AddCommentsAsync(
        SqliteConnection connection, NewsText text, Random random,
        (int Id, DateTime PublishedAt) seed, List<(long Id, DateTime PublishedAt)> stories, int count)
    {
        var perStory = new int[stories.Count];
        for (var i = 0; i < count - options.SeedStoryComments && stories.Count > 0; i++)
        {
            // Squaring a uniform draw leans towards the end of the list: newer stories are read and argued over more.
            perStory[(int)(stories.Count * (1 - Math.Pow(random.NextDouble(), 2)) * 0.999999)]++;
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Comments (Id, ArticleId, ParentId, Depth, AuthorName, AuthorEmail, AuthorWebsite, Body, Status, CreatedAt, ModeratedAt)
            VALUES ($id, $article, $parent, $depth, $name, $email, $website, $body, 'Approved', $created, $moderated)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$article", "$parent", "$depth", "$name", "$email", "$website", "$body", "$created", "$moderated" })
        {
            p[name] = insert.Parameters.Add(name, SqliteType.Text);
        }

        var nextId = await ScalarAsync(connection, "SELECT coalesce(max(Id), 0) FROM Comments") + 1;
        await ExecuteAsync(connection, "BEGIN");

        // The seed story was published moments ago: its comments fall between then and now, never in the future.
        var seedWindow = DateTime.UtcNow - seed.PublishedAt;
        var threads = new List<(long Id, int Depth, DateTime CreatedAt)>();
        async Task AddThreadAsync(long articleId, int comments, Func<int, DateTime> createdAt)
        {
            threads.Clear();
            for (var i = 0; i < comments; i++)
            {
                var topic = text.Topic();
                var name = text.PersonName();
                var parent = threads.Count > 0 && random.Next(4) == 0 ? threads[random.Next(threads.Count)] : default;
                var canReply = parent.Id != 0 && parent.Depth < 3;
                var created = createdAt(i);
                p["$id"].Value = nextId;
                p["$article"].Value = articleId;
                p["$parent"].Value = canReply ? parent.Id : DBNull.Value;
                p["$depth"].Value = canReply ? parent.Depth + 1 : 1;
                p["$name"].Value = name;
                p["$email"].Value = Slug.From(name) + "." + nextId.ToString(CultureInfo.InvariantCulture) + "@example.com";
                p["$website"].Value = random.Next(10) == 0 ? $"https://{Slug.From(name)}.example.org" : DBNull.Value;
                p["$body"].Value = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => text.Sentence(topic, 8, 25)));
                p["$created"].Value = created.ToString(TimeFormat, CultureInfo.InvariantCulture);
                p["$moderated"].Value = created.AddMinutes(random.Next(1, 120)).ToString(TimeFormat, CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
                threads.Add((nextId, canReply ? parent.Depth + 1 : 1, created));
                nextId++;
            }
        }

        await AddThreadAsync(seed.Id, options.SeedStoryComments, i => seed.PublishedAt + seedWindow * ((i + 0.5) / options.SeedStoryComments));
        for (var s = 0; s < stories.Count; s++)
        {
            var (id, publishedAt) = stories[s];
            await AddThreadAsync(id, perStory[s], i => publishedAt.AddMinutes(10 + (i * 17) + random.Next(15)));
        }

        await ExecuteAsync(connection, "COMMIT");
    }

    /// <summary>Starts the site once on the new archive and finds the seed story's address from its front page.</summary>
    private async Task<string> FirstStartAsync(string dataDirectory, string databasePath)
    {
        string slug;
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Slug FROM Articles ORDER BY Id LIMIT 1";
            slug = (string)(await command.ExecuteScalarAsync())!;
        }

        await using var site = SiteProcess.Start(workspace, dataDirectory, "first-start");
        await site.WaitForAsync("/", TimeSpan.FromMinutes(2));
        var (_, frontPage) = await site.GetAsync("/");
        var link = StoryLink().Matches(frontPage).Select(m => m.Groups["path"].Value).FirstOrDefault(path => path.EndsWith("/" + slug, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the front page has no link to the seed story ({slug})");
        // The story page makes the form's antiforgery key, so two servers started later do not race to write one.
        await site.WaitForAsync(link, TimeSpan.FromMinutes(1));
        return link;
    }

    private static async Task<List<string>> SlugsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slug FROM Articles";
        await using var reader = await command.ExecuteReaderAsync();
        var slugs = new List<string>();
        while (await reader.ReadAsync())
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    private static async Task<List<long>> IdsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"href=""(?<path>/\d{4}/\d{2}/\d{2}/[a-z0-9-]+)/?""")]
    private static partial Regex StoryLink();
}
