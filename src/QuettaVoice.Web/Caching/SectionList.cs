using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Pages.Shared;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Caching;

/// <summary>
/// The sections in masthead order, kept between requests: every page's masthead lists them, and they change
/// only when an editor changes a section, which clears them with the whole page cache. Like the pages, they are
/// kept no longer than the cache's expiration, which bounds what nobody told them about (a section made by an
/// import run from the command line). Several instances sharing Redis read them each time, as they do the story
/// counts: a clear on one would not reach the others.
/// </summary>
public sealed class SectionList(IOptions<PageCacheOptions> options, RedisOptions redis, TimeProvider clock)
{
    private readonly Lock gate = new();
    private IReadOnlyList<SectionLink>? kept;
    private DateTimeOffset keptUntil;

    /// <summary>Bumped by every clear, so a list read before a change is not kept after it.</summary>
    private long generation;

    public async Task<IReadOnlyList<SectionLink>> ListAsync(NewsDb db, CancellationToken cancellationToken)
    {
        long before;
        lock (gate)
        {
            if (kept is { } sections && clock.GetUtcNow() < keptUntil)
            {
                return sections;
            }

            before = generation;
        }

        var read = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionLink(s.Id, s.Name, s.Slug))
            .ToListAsync(cancellationToken);
        lock (gate)
        {
            if (!redis.IsConfigured && generation == before)
            {
                kept = read;
                keptUntil = clock.GetUtcNow() + options.Value.Expiration;
            }
        }

        return read;
    }

    public void Clear()
    {
        lock (gate)
        {
            generation++;
            kept = null;
        }
    }
}
