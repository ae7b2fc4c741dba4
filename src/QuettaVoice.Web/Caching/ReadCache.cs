using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// What pages read from the store on every request but changes only when something is saved, kept in memory
/// beneath the page cache, so that a page made afresh reads less: how many stories each list has (the front
/// page, a section, an author, a tag, a month), when the first was published, the archive's list of months,
/// the cards of the stories that head each section on the front page, and the outline of each story's
/// conversation. A count reads every row of its list, so in a large archive it cost more than the rest of the
/// page; the sections' heads take a
/// statement SQLite spent longer preparing than running, and their 48 cards were the largest part of the front
/// page; the outline reads every comment of the story.
/// Everything is cleared whenever the cached lists are (a public story saved, an author, a section or a tag
/// saved, a scheduled story going live),
/// and what is kept under a page group's tag is forgotten when that group is evicted (a story's outline when
/// one of its comments is approved or stops being). The expiration only bounds what nobody told it about,
/// such as an import run from the command line. Several instances sharing Redis keep nothing: a clear on one
/// would not reach the others' memory, and their shared page cache spares most of the reading anyway.
/// </summary>
public sealed class ReadCache(IOptions<PageCacheOptions> options, RedisOptions redis, IHttpContextAccessor requests) : IDisposable
{
    private static readonly object GenerationAtRequestStart = new();

    /// <summary>The key of the first story's date, which no list's address can be.</summary>
    private const string FirstPublishedKey = "first published";

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Bumped by every clear and forget, so a value read before a change is not kept after it.</summary>
    private long generation;

    /// <summary>Held while the generation is checked and a value kept, and while it is bumped and values dropped, so no change falls between.</summary>
    private readonly Lock gate = new();

    /// <summary>The number of <paramref name="stories"/>, kept under <paramref name="list"/>: the list's own address, one per distinct query.</summary>
    public Task<int> CountAsync(string list, IQueryable<Article> stories, CancellationToken cancellationToken) =>
        GetOrReadAsync(list, () => stories.CountAsync(cancellationToken));

    /// <summary>When the first of the visible <paramref name="stories"/> was published, or null before any is: the archive's first year, asked for by every page that lists the years.</summary>
    public Task<DateTime?> FirstPublishedAsync(IQueryable<Article> stories, CancellationToken cancellationToken) =>
        GetOrReadAsync(FirstPublishedKey, () => stories.MinAsync(a => a.PublishedAt, cancellationToken));

    /// <summary>What <paramref name="read"/> gives, kept under <paramref name="key"/>, which must name everything the read depends on but the public stories.</summary>
    public async Task<T> GetOrReadAsync<T>(string key, Func<Task<T>> read)
    {
        if (redis.IsConfigured)
        {
            return await read();
        }

        if (kept.TryGetValue(key, out T? value))
        {
            return value!;
        }

        // Since the request began when there is one (see NoteRequestStart), else since this read began.
        var before = requests.HttpContext?.Items[GenerationAtRequestStart] is long atRequestStart ? atRequestStart : Interlocked.Read(ref generation);
        value = await read();
        lock (gate)
        {
            if (generation == before)
            {
                kept.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.Expiration });
            }
        }

        return value;
    }

    /// <summary>Forgets what is kept under <paramref name="key"/>, and anything being read for it now.</summary>
    public void Forget(string key)
    {
        lock (gate)
        {
            Interlocked.Increment(ref generation);
            kept.Remove(key);
        }
    }

    /// <summary>
    /// Notes, as a request begins, how many clears came before it: what it reads is kept only if none came since.
    /// Its page reads the clock first and reads through this cache later, so a story due in between (its time
    /// comes, the cache is cleared) would otherwise be left out of what the page read and kept, for every page
    /// after it, until the next clear.
    /// </summary>
    public void NoteRequestStart(HttpContext context) => context.Items[GenerationAtRequestStart] = Interlocked.Read(ref generation);

    public void Clear()
    {
        lock (gate)
        {
            Interlocked.Increment(ref generation);
            kept.Clear();
        }
    }

    public void Dispose() => kept.Dispose();
}
