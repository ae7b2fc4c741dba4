using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// How many stories each list has (the front page, a section, an author, a tag, a month), kept between requests:
/// a count reads every row of its list, so in a large archive it cost more than the rest of the page. The counts
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

    /// <summary>The number of <paramref name="stories"/>, kept under <paramref name="list"/>: the list's own address, one per distinct query.</summary>
    public async Task<int> CountAsync(string list, IQueryable<Article> stories, CancellationToken cancellationToken)
    {
        if (redis.IsConfigured)
        {
            return await stories.CountAsync(cancellationToken);
        }

        if (counts.TryGetValue(list, out int kept))
        {
            return kept;
        }

        var before = Interlocked.Read(ref generation);
        var count = await stories.CountAsync(cancellationToken);
        if (Interlocked.Read(ref generation) == before)
        {
            counts.Set(list, count, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.Expiration });
        }

        return count;
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        counts.Clear();
    }

    public void Dispose() => counts.Dispose();
}
