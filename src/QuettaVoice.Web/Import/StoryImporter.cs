using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Web.Import;

/// <summary>
/// Writes plain-text stories into the store. A bad file leaves no trace and does not stop the others. A file
/// already imported (same text) is skipped, so runs can be repeated.
/// </summary>
/// <remarks>
/// The files are read and parsed a batch at a time, in parallel, while the batch before is written. A batch is
/// written with one save in one transaction: the store is asked once for the batch's earlier imports and slugs,
/// and the search index (filled by triggers) takes the batch's words at once. When the store refuses that save,
/// the batch is undone and written again file by file, each file in its own savepoint, so only the file the
/// store refused is left out.
/// </remarks>
public sealed class StoryImporter(NewsDb db, TimeProvider clock, IOptions<SiteOptions> site, IOutputCacheStore pages)
{
    /// <summary>
    /// Files written per commit. A commit waits for the disk, which cost more than the whole of a story's work;
    /// an import stopped half way loses at most this many, and the next run, skipping what is in, brings them in.
    /// </summary>
    private const int FilesPerCommit = 250;

    private const string FileSavepoint = "story_file";

    public async Task<ImportResult> ImportAsync(ImportRequest request, TextWriter output, CancellationToken cancellationToken = default)
    {
        int imported = 0, skipped = 0, failed = 0;
        var files = new List<string>();
        foreach (var path in request.Paths)
        {
            var found = StoryFile.Expand(path).ToList();
            if (found.Count == 0)
            {
                failed++;
                await output.WriteLineAsync($"{path}: error: no .txt files in this folder");
            }

            files.AddRange(found);
        }

        var batches = files.Chunk(FilesPerCommit).ToList();
        // A file's savepoint (when a batch goes in file by file) is what undoes that file; the one EF Core would
        // add around each save inside it would be a second savepoint for the same writes.
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        // The import only adds entities and sets an author's bio through the change tracker, so nothing needs EF Core to
        // compare every tracked entity with its snapshot before each save (twice, with the cache's save hook).
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Task<StoryText[]>? reading = null;
        Func<Task>? restoreSettings = null;
        // One connection for the whole import, so that the settings below hold for each of its batches.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            restoreSettings = request.DryRun || !db.Database.IsSqlite() ? null : await UseImportSettingsAsync(cancellationToken);
            reading = batches.Count > 0 ? ReadAsync(batches[0], request, cancellationToken) : null;
            for (var b = 0; b < batches.Count; b++)
            {
                var texts = await reading!;
                reading = b + 1 < batches.Count ? ReadAsync(batches[b + 1], request, cancellationToken) : null;
                var outcomes = request.DryRun ? await DryRunAsync(texts, request, cancellationToken) : await WriteAsync(texts, request, cancellationToken);
                for (var i = 0; i < texts.Length; i++)
                {
                    var progress = $"[{(b * FilesPerCommit) + i + 1}/{files.Count}] {texts[i].File}";
                    switch (outcomes[i])
                    {
                        case { Error: { } error }:
                            failed++;
                            await output.WriteLineAsync($"{progress}: error: {error}");
                            break;
                        case { Skipped: true } outcome:
                            skipped++;
                            await output.WriteLineAsync($"{progress}: skipped, already imported as {outcome.Summary}");
                            break;
                        case var outcome:
                            imported++;
                            await output.WriteLineAsync($"{progress}: {(request.DryRun ? "would import" : "imported")} {outcome.Summary}");
                            break;
                    }
                }

                if (!request.DryRun)
                {
                    await EvictCachedPagesAsync(output, cancellationToken);
                }

                await output.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            if (restoreSettings is not null)
            {
                await restoreSettings();
            }

            await db.Database.CloseConnectionAsync();
            db.Database.AutoSavepointsEnabled = autoSavepoints;
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            if (reading is not null)
            {
                // A batch still being read when the import stops early (cancelled, or the store failed) is waited
                // for, so no work of this import goes on after it returns; a bad file is an outcome, not a throw.
                await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        return new ImportResult(imported, skipped, failed);
    }

    /// <summary>SQLite's settings for an import, set on its connection; returns what puts the old ones back.</summary>
    /// <remarks>
    /// The connection goes back to the pool after, to serve readers and editors, hence the restore. While it imports:
    /// the journal SQLite keeps of each insert (its triggers make it a statement of many rows) stays in memory
    /// rather than a temporary file; a larger page cache keeps the search index's pages from batch to batch; and a
    /// commit waits for the disk only at checkpoints. In WAL mode the file is whole after any crash; a power cut
    /// can lose the last batches committed, which the next run, skipping what is in, brings in again.
    /// </remarks>
    private async Task<Func<Task>> UseImportSettingsAsync(CancellationToken cancellationToken)
    {
        string[] settings = ["temp_store", "cache_size", "synchronous", "wal_autocheckpoint"];
        var before = new Dictionary<string, long>();
        foreach (var setting in settings)
        {
            before[setting] = await PragmaAsync(setting, null, cancellationToken);
        }

        await PragmaAsync("temp_store", "MEMORY", cancellationToken);
        await PragmaAsync("cache_size", "-32768", cancellationToken);
        await PragmaAsync("synchronous", "NORMAL", cancellationToken);
        await PragmaAsync("wal_autocheckpoint", "16384", cancellationToken);
        return async () =>
        {
            foreach (var setting in settings)
            {
                await PragmaAsync(setting, before[setting].ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
            }
        };
    }

    /// <summary>Sets a pragma when <paramref name="value"/> is given; returns its value (0 after setting one that answers nothing).</summary>
    private async Task<long> PragmaAsync(string name, string? value, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = value is null ? $"PRAGMA {name};" : $"PRAGMA {name} = {value};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Outcome(string? Error, bool Skipped = false, string Summary = "");

    /// <summary>A file read and parsed, with what it will be stored as; or why it cannot be.</summary>
    private sealed record StoryText(
        string File, string? Error, PlainTextStory? Story = null, string ImportKey = "", string Headline = "", string Slug = "", string Body = "");

    /// <summary>Reads and parses a batch of files in parallel: the work of a file that needs no store.</summary>
    private static async Task<StoryText[]> ReadAsync(string[] files, ImportRequest request, CancellationToken cancellationToken)
    {
        var texts = new StoryText[files.Length];
        await Parallel.ForAsync(0, files.Length, cancellationToken, async (i, token) => texts[i] = await ReadFileAsync(files[i], request, token));
        return texts;
    }

    private static async Task<StoryText> ReadFileAsync(string file, ImportRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var (text, readError) = await StoryFile.ReadAsync(file, cancellationToken);
            if (text is null)
            {
                return new StoryText(file, readError);
            }

            var normalized = PlainTextStory.Normalize(text);
            if (PlainTextStory.Parse(normalized) is not { } story)
            {
                return new StoryText(file, "no story text found (only a caption, byline or page furniture)");
            }

            var importKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
            var headline = string.IsNullOrWhiteSpace(request.Title) ? LedeHeadline.From(story.Lede) : request.Title.Trim();
            var body = string.Join("\n\n", story.Paragraphs.Select(MarkdownText.Escape));
            return new StoryText(file, null, story, importKey, headline, Slug.From(headline), body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new StoryText(file, ex.GetBaseException().Message);
        }
    }

    /// <summary>What each file would be stored as, each on its own, as if it were the only file of the run.</summary>
    private async Task<Outcome[]> DryRunAsync(StoryText[] texts, ImportRequest request, CancellationToken cancellationToken)
    {
        var outcomes = new Outcome[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            outcomes[i] = (await StoreAsync([texts[i]], request, cancellationToken))[0];
        }

        return outcomes;
    }

    /// <summary>Writes a batch in one transaction: all at once, or, when the store refuses that, file by file.</summary>
    private async Task<Outcome[]> WriteAsync(StoryText[] texts, ImportRequest request, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            Outcome[] outcomes;
            try
            {
                outcomes = await StoreAsync(texts, request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever went wrong, the batch is undone, and goes in again file by file to find the file at fault.
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                outcomes = await StoreOneByOneAsync(texts, request, transaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task<Outcome[]> StoreOneByOneAsync(StoryText[] texts, ImportRequest request, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var outcomes = new Outcome[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            await transaction.CreateSavepointAsync(FileSavepoint, cancellationToken);
            try
            {
                outcomes[i] = (await StoreAsync([texts[i]], request, cancellationToken))[0];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // This file's writes are undone and the next file still gets its turn.
                await transaction.RollbackToSavepointAsync(FileSavepoint, cancellationToken);
                db.ChangeTracker.Clear();
                outcomes[i] = new Outcome(ex.GetBaseException().Message);
            }

            // Released, the next file's savepoint is not nested in this one: SQLite looks at every open savepoint
            // for each page it writes.
            await transaction.ReleaseSavepointAsync(FileSavepoint, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>
    /// Stores the stories of <paramref name="texts"/> (for a dry run, only says how) with one save. A story whose
    /// text is in the store already, or earlier in the group, is skipped.
    /// </summary>
    private async Task<Outcome[]> StoreAsync(IReadOnlyList<StoryText> texts, ImportRequest request, CancellationToken cancellationToken)
    {
        var zone = site.Value.FindTimeZone();
        var stories = texts.Where(t => t.Story is not null).ToList();
        var keys = stories.Select(t => t.ImportKey).Distinct().ToList();
        var imports = (await db.Articles.AsNoTracking()
                .Where(a => keys.Contains(a.ImportKey!))
                .Select(a => new { a.ImportKey, a.Slug, a.PublishedAt, a.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.ImportKey!, a => Permalink.For(a.Slug, a.PublishedAt ?? a.CreatedAt, zone), StringComparer.Ordinal);
        var headlineSlugs = stories.Select(t => t.Slug).Distinct().ToList();
        var takenSlugs = (await db.Articles.Where(a => headlineSlugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var authors = new Dictionary<string, Author>(StringComparer.Ordinal);
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);

        var outcomes = new Outcome[texts.Count];
        var added = false;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (text.Story is not { } story)
            {
                outcomes[i] = new Outcome(text.Error);
                continue;
            }

            if (imports.TryGetValue(text.ImportKey, out var permalink))
            {
                outcomes[i] = new Outcome(null, Skipped: true, permalink);
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var headline = text.Headline;
            var publishedAt = request.PublishedAt ?? now;
            var slug = await UniqueSlugAsync(text.Slug, takenSlugs, cancellationToken);
            var authorName = request.Author ?? site.Value.Name;
            var summary = $"“{headline}” at {Permalink.For(slug, publishedAt, zone)}"
                + $" ({story.Paragraphs.Count} paragraphs; author {authorName}{(story.AuthorBio is null ? "" : " with bio")}; "
                + $"section {request.Section ?? "none"}; byline {story.Byline ?? "none"}; dateline {story.Dateline ?? "none"}; "
                + $"caption {story.ImageCaption ?? "none"})";
            outcomes[i] = new Outcome(null, Summary: summary);
            if (request.DryRun)
            {
                continue;
            }

            var article = new Article
            {
                Headline = headline,
                Slug = slug,
                Body = text.Body,
                Dateline = story.Dateline,
                Byline = story.Byline,
                Author = await AuthorAsync(authorName, story.AuthorBio, authors, cancellationToken),
                Section = string.IsNullOrWhiteSpace(request.Section) ? null : await SectionAsync(request.Section.Trim(), sections, cancellationToken),
                FeaturedImage = new FeaturedImage { Caption = story.ImageCaption },
                CreatedAt = now,
                // An imported story was last changed when it was first published, not when it was imported.
                UpdatedAt = publishedAt,
                CommentsOpen = true,
                ImportKey = text.ImportKey,
            };
            article.Publish(publishedAt, now);
            db.Articles.Add(article);
            added = true;
            // A second copy of the file later in the group is skipped, as it would be in a later run.
            imports[text.ImportKey] = Permalink.For(slug, publishedAt, zone);
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return outcomes;
    }

    /// <summary>The headline's own slug, or the first "slug-n" free in the store and in <paramref name="taken"/>, which gains it.</summary>
    private async Task<string> UniqueSlugAsync(string slug, HashSet<string> taken, CancellationToken cancellationToken)
    {
        // The headline's own slug is nearly always free, and the group's own slugs were asked for at once with the
        // slug index; the search for "slug-n" reads every story, so it waits for a clash.
        if (taken.Add(slug))
        {
            return slug;
        }

        taken.UnionWith(await db.Articles.Where(a => a.Slug == slug || a.Slug.StartsWith(slug + "-"))
            .Select(a => a.Slug).ToListAsync(cancellationToken));
        var unique = Slug.Unique(slug, taken.Contains);
        taken.Add(unique);
        return unique;
    }

    /// <summary>The named author, created on first use; an existing author gains the bio only if they had none.</summary>
    private async Task<Author> AuthorAsync(string name, string? bio, Dictionary<string, Author> group, CancellationToken cancellationToken)
    {
        var slug = Slug.ForName(name, fallback: "author");
        if (!group.TryGetValue(slug, out var author))
        {
            author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken)
                ?? db.Authors.Add(new Author { Name = name.Trim(), Slug = slug }).Entity;
            group[slug] = author;
        }

        if (string.IsNullOrWhiteSpace(author.Bio) && bio is not null)
        {
            // Through the entry: the import does not have EF Core look for changes, and an author who is in the store
            // already is not new, so their bio is saved as a change made here.
            db.Entry(author).Property(a => a.Bio).CurrentValue = MarkdownText.Escape(bio);
        }

        return author;
    }

    private async Task<Section> SectionAsync(string name, Dictionary<string, Section> group, CancellationToken cancellationToken)
    {
        var slug = Slug.ForName(name, fallback: "section");
        if (!group.TryGetValue(slug, out var section))
        {
            section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
                ?? db.Sections.Add(new Section { Name = name, Slug = slug, Position = int.MaxValue }).Entity;
            group[slug] = section;
        }

        return section;
    }

    /// <summary>
    /// The save hook evicted each file's pages when it was saved, before its batch was committed: a reader served
    /// in between (by any instance sharing the cache) may have had the old pages cached again. Once committed,
    /// every page is evicted; an import is rare enough for that.
    /// </summary>
    private async Task EvictCachedPagesAsync(TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await pages.EvictByTagAsync(CacheTags.Site, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await output.WriteLineAsync($"warning: the stories are saved, but the cached pages could not be refreshed ({e.Message}); they show the new stories when they expire.");
        }
    }
}
