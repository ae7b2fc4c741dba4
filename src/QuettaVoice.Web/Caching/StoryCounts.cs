using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// How many stories each list has (the front page, a section, an author, a tag, a month), and when the first
/// was published, kept between requests: a count reads every row of its list, so in a large archive it cost
/// more than the rest of the page. The counts
/// are cleared whenever the cached lists are (a public story saved, a scheduled story going live); the
/// expiration only bounds what nobody told them about, such as an import run from the command line.
/// Several instances sharing Redis keep no counts: a clear on one would not reach the others' memory, and
/// their shared page cache spares most counting anyway.
/// </summary>
public sealed class StoryCounts(IOptions<PageCacheOptions> options, RedisOptions redis) : IDisposable
{
    private readonly MemoryCache counts = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Bumped by every clear, so a count read before a change is not kept after it.</summary>
    private long generation;

    /// <summary>The key of the first story's date, which no list's address can be.</summary>
    private const string FirstPublishedKey = "first published";

    /// <summary>The number of <paramref name="stories"/>, kept under <paramref name="list"/>: the list's own address, one per distinct query.</summary>
    public Task<int> CountAsync(string list, IQueryable<Article> stories, CancellationToken cancellationToken) =>
        KeptAsync(list, () => stories.CountAsync(cancellationToken));

    /// <summary>When the first of the visible <paramref name="stories"/> was published, or null before any is: the archive's first year, asked for by every page that lists the years.</summary>
    public Task<DateTime?> FirstPublishedAsync(IQueryable<Article> stories, CancellationToken cancellationToken) =>
        KeptAsync(FirstPublishedKey, () => stories.MinAsync(a => a.PublishedAt, cancellationToken));

    private async Task<T> KeptAsync<T>(string key, Func<Task<T>> read)
    {
        if (redis.IsConfigured)
        {
            return await read();
        }

        if (counts.TryGetValue(key, out T? kept))
        {
            return kept!;
        }

        var before = Interlocked.Read(ref generation);
        var value = await read();
        if (Interlocked.Read(ref generation) == before)
        {
            counts.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.Expiration });
        }

        return value;
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        counts.Clear();
    }

    public void Dispose() => counts.Dispose();
}
