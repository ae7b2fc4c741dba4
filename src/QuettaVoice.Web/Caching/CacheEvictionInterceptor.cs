using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuettaVoice.Web.Data.Configurations;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// The store tells the cache what changed: before a save it notes which cached pages show the changed rows,
/// and once the save succeeded it evicts exactly those, so the next reader sees the change. Every writer
/// (the newsroom, moderation, the importer) goes through here; nothing has to remember to evict.
/// </summary>
public sealed partial class CacheEvictionInterceptor(
    IOutputCacheStore store,
    ReadCache readCache,
    SectionList sections,
    ScheduledEviction schedule,
    EvictionRetry retry,
    TimeProvider clock,
    ILogger<CacheEvictionInterceptor> logger) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Changes> pending = new();

    private sealed record Changes(HashSet<string> Tags, bool ScheduleChanged);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        var scheduleChanged = false;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        // Listed first, and the tracked stories asked for once: each look at Local scans the tracker for changes
        // again, which would change it under this walk and, once per picture, cost a scan of every tracked row.
        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var stories = new Lazy<LocalView<Article>>(() => context.Set<Article>().Local);
        foreach (var entry in changed)
        {
            scheduleChanged |= entry.Entity is Article && IsOrWasDue(entry, nowUtc);
            AddTags(entry, tags, stories);
        }

        if (tags.Count > 0 || scheduleChanged)
        {
            pending.AddOrUpdate(context, new Changes(tags, scheduleChanged));
        }
    }

    private static void AddTags(EntityEntry entry, HashSet<string> tags, Lazy<LocalView<Article>> stories)
    {
        switch (entry.Entity)
        {
            case Article article when IsOrWasPublic(entry):
                tags.Add(CacheTags.Lists);
                if (entry.State != EntityState.Added)
                {
                    tags.Add(CacheTags.Story(article.Id));
                }

                AddBothValues(entry, nameof(Article.SectionId), id => tags.Add(CacheTags.Section(id)));
                break;
            case FeaturedImage when entry.State != EntityState.Added && StoryOf(entry, stories.Value) is { } story:
                // Stored as part of its story, so a writer that changed only the picture changed no story column.
                // A picture added with its story, or in place of another, is covered by that story or the old picture.
                AddTags(story, tags, stories);
                break;
            case Comment comment when comment.Status == CommentStatus.Approved || Original<CommentStatus>(entry, nameof(Comment.Status)) == CommentStatus.Approved:
                tags.Add(CacheTags.Story(comment.ArticleId));
                break;
            case Author when entry.State != EntityState.Added: // a new author is on no page yet (an import adds many)
            case Section:
                // Every page's masthead lists the sections. An author is named on the cards of their stories, and those
                // are under other writers' stories too ("more from the section"): authors are edited rarely enough that
                // evicting every page costs less than tagging each page with every author it names.
                tags.Add(CacheTags.Site);
                break;
            case Tag tag:
                tags.Add(CacheTags.Tag(tag.Id));
                tags.Add(CacheTags.Lists);
                break;
            case Dictionary<string, object> when entry.Metadata.Name == ArticleConfiguration.TaggingsName:
                // A story and a tag saved for the first time have no page to evict yet (their keys are temporary).
                tags.Add(CacheTags.Lists);
                AddKnown(entry, ArticleConfiguration.TaggingStory, id => tags.Add(CacheTags.Story(id)));
                AddKnown(entry, ArticleConfiguration.TaggingTag, id => tags.Add(CacheTags.Tag(id)));
                break;
        }
    }

    /// <summary>The tracked story a picture belongs to, found by key (the picture is always tracked with it).</summary>
    private static EntityEntry<Article>? StoryOf(EntityEntry picture, LocalView<Article> stories) =>
        stories.FindEntryUntyped(picture.Metadata.FindOwnership()!.Properties.Select(key => picture.Property(key.Name).CurrentValue));

    /// <summary>Readers can see it now, could before the change, or will when its time comes.</summary>
    private static bool IsOrWasPublic(EntityEntry entry)
    {
        static bool Public(ArticleStatus? status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;
        return Public(((Article)entry.Entity).Status) || (entry.State != EntityState.Added && Public(Original<ArticleStatus>(entry, nameof(Article.Status))));
    }

    /// <summary>
    /// Whether the story's time is still to come, now or before the change: only then can the next story due
    /// change. Anything else (an import of past stories, an edit) would look the schedule up for nothing.
    /// </summary>
    private static bool IsOrWasDue(EntityEntry entry, DateTime nowUtc) =>
        ((Article)entry.Entity).PublishedAt > nowUtc
        || (entry.State != EntityState.Added && (DateTime?)entry.Property(nameof(Article.PublishedAt)).OriginalValue > nowUtc);

    private static T? Original<T>(EntityEntry entry, string property) where T : struct =>
        entry.State == EntityState.Added ? null : (T?)entry.Property(property).OriginalValue;

    private static void AddBothValues(EntityEntry entry, string property, Action<int> add)
    {
        if (entry.Property(property).CurrentValue is int current)
        {
            add(current);
        }

        if (entry.State != EntityState.Added && entry.Property(property).OriginalValue is int original)
        {
            add(original);
        }
    }

    private static void AddKnown(EntityEntry entry, string property, Action<int> add)
    {
        var value = entry.Property(property);
        if (!value.IsTemporary && value.CurrentValue is int id)
        {
            add(id);
        }
    }

    private async ValueTask EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !pending.TryGetValue(context, out var changes))
        {
            return;
        }

        pending.Remove(context);
        if (changes.Tags.Contains(CacheTags.Lists) || changes.Tags.Contains(CacheTags.Site))
        {
            readCache.Clear();
        }
        else
        {
            foreach (var tag in changes.Tags)
            {
                readCache.Forget(tag);
            }
        }

        if (changes.Tags.Contains(CacheTags.Site))
        {
            sections.Clear();
        }

        try
        {
            foreach (var tag in changes.Tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The save has been made: failing it now (a shared cache that is down) would tell the editor a
            // published story was not. The pages it changed are evicted once the store answers again.
            LogEvictionFailed(e, changes.Tags.Count);
            retry.Later(changes.Tags);
        }

        if (changes.ScheduleChanged)
        {
            await schedule.RescheduleAsync(cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saved, but {Count} cached page groups could not be evicted; they are tried again every few seconds")]
    private partial void LogEvictionFailed(Exception exception, int count);
}
