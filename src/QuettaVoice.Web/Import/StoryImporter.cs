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
/// Writes plain-text stories into the store. Each file is its own savepoint: a bad file leaves no trace
/// and does not stop the others. A file already imported (same text) is skipped, so runs can be repeated.
/// </summary>
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

        IDbContextTransaction? batch = null;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var progress = $"[{i + 1}/{files.Count}] {file}";
                if (!request.DryRun)
                {
                    batch ??= await db.Database.BeginTransactionAsync(cancellationToken);
                    await batch.CreateSavepointAsync(FileSavepoint, cancellationToken);
                }

                try
                {
                    var outcome = await ImportFileAsync(file, request, cancellationToken);
                    switch (outcome)
                    {
                        case { Error: { } error }:
                            failed++;
                            await output.WriteLineAsync($"{progress}: error: {error}");
                            break;
                        case { Skipped: true }:
                            skipped++;
                            await output.WriteLineAsync($"{progress}: skipped, already imported as {outcome.Summary}");
                            break;
                        default:
                            imported++;
                            await output.WriteLineAsync($"{progress}: {(request.DryRun ? "would import" : "imported")} {outcome.Summary}");
                            break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Whatever went wrong with this file, its writes are undone and the next file still gets its turn.
                    if (batch is not null)
                    {
                        await batch.RollbackToSavepointAsync(FileSavepoint, cancellationToken);
                    }

                    db.ChangeTracker.Clear();
                    failed++;
                    await output.WriteLineAsync($"{progress}: error: {ex.GetBaseException().Message}");
                }

                if (batch is not null && ((i + 1) % FilesPerCommit == 0 || i == files.Count - 1))
                {
                    await batch.CommitAsync(cancellationToken);
                    await batch.DisposeAsync();
                    batch = null;
                    await EvictCachedPagesAsync(output, cancellationToken);
                    await output.FlushAsync(cancellationToken);
                }
            }
        }
        finally
        {
            if (batch is not null)
            {
                await batch.DisposeAsync();
            }
        }

        return new ImportResult(imported, skipped, failed);
    }

    private sealed record Outcome(string? Error, bool Skipped = false, string Summary = "");

    private async Task<Outcome> ImportFileAsync(string file, ImportRequest request, CancellationToken cancellationToken)
    {
        var (text, readError) = await StoryFile.ReadAsync(file, cancellationToken);
        if (text is null)
        {
            return new Outcome(readError);
        }

        var normalized = PlainTextStory.Normalize(text);
        if (PlainTextStory.Parse(normalized) is not { } story)
        {
            return new Outcome("no story text found (only a caption, byline or page furniture)");
        }

        var zone = site.Value.FindTimeZone();
        var importKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        var existing = await db.Articles.AsNoTracking()
            .Where(a => a.ImportKey == importKey)
            .Select(a => new { a.Slug, a.PublishedAt, a.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new Outcome(null, Skipped: true, Permalink.For(existing.Slug, existing.PublishedAt ?? existing.CreatedAt, zone));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var headline = string.IsNullOrWhiteSpace(request.Title) ? LedeHeadline.From(story.Lede) : request.Title.Trim();
        var publishedAt = request.PublishedAt ?? now;
        var slug = await UniqueSlugAsync(Slug.From(headline), cancellationToken);
        var authorName = request.Author ?? site.Value.Name;
        var summary = $"“{headline}” at {Permalink.For(slug, publishedAt, zone)}"
            + $" ({story.Paragraphs.Count} paragraphs; author {authorName}{(story.AuthorBio is null ? "" : " with bio")}; "
            + $"section {request.Section ?? "none"}; byline {story.Byline ?? "none"}; dateline {story.Dateline ?? "none"}; "
            + $"caption {story.ImageCaption ?? "none"})";
        if (request.DryRun)
        {
            return new Outcome(null, Summary: summary);
        }

        var article = new Article
        {
            Headline = headline,
            Slug = slug,
            Body = string.Join("\n\n", story.Paragraphs.Select(MarkdownText.Escape)),
            Dateline = story.Dateline,
            Byline = story.Byline,
            Author = await AuthorAsync(authorName, story.AuthorBio, cancellationToken),
            Section = string.IsNullOrWhiteSpace(request.Section) ? null : await SectionAsync(request.Section.Trim(), cancellationToken),
            FeaturedImage = new FeaturedImage { Caption = story.ImageCaption },
            CreatedAt = now,
            // An imported story was last changed when it was first published, not when it was imported.
            UpdatedAt = publishedAt,
            CommentsOpen = true,
            ImportKey = importKey,
        };
        article.Publish(publishedAt, now);
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new Outcome(null, Summary: summary);
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
    {
        // The headline's own slug is nearly always free, and asking for it exactly uses the slug index; the
        // search for "slug-n" reads every story, so it waits for a clash.
        if (!await db.Articles.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            return slug;
        }

        var taken = await db.Articles.Where(a => a.Slug == slug || a.Slug.StartsWith(slug + "-"))
            .Select(a => a.Slug).ToListAsync(cancellationToken);
        return Slug.Unique(slug, taken.Contains);
    }

    /// <summary>The named author, created on first use; an existing author gains the bio only if they had none.</summary>
    private async Task<Author> AuthorAsync(string name, string? bio, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name, fallback: "author");
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken)
            ?? db.Authors.Add(new Author { Name = name.Trim(), Slug = slug }).Entity;
        if (string.IsNullOrWhiteSpace(author.Bio) && bio is not null)
        {
            author.Bio = MarkdownText.Escape(bio);
        }

        return author;
    }

    private async Task<Section> SectionAsync(string name, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name, fallback: "section");
        return await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
            ?? db.Sections.Add(new Section { Name = name, Slug = slug, Position = int.MaxValue }).Entity;
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
