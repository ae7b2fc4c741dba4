using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Archives;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary>
/// The archive by month, as the old site's sidebar had it: the months of one year (or the last twelve) that
/// have stories, with how many, and every year that has stories. One count per month, each kept as the month's
/// archive page keeps it, and one look-up per year: the cost does not grow with the number of stories.
/// </summary>
public sealed class ArchiveMonthsViewComponent(NewsDb db, ReadCache readCache, TimeProvider clock, IOptions<SiteOptions> site) : ViewComponent
{
    private const int RecentMonths = 12;

    public sealed record Month(ArchivePeriod Period, int StoryCount);

    public sealed record Archive(string Heading, IReadOnlyList<Month> Months, IReadOnlyList<int> Years);

    public async Task<IViewComponentResult> InvokeAsync(int? year = null)
    {
        var zone = site.Value.FindTimeZone();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var now = MonthOf(nowUtc, zone);
        // The whole list is kept too, under the year and the month it is made in: looking its thirteen counts up,
        // with their queries' visibility rule, took a twentieth of the front page's processor time.
        var archive = await readCache.GetOrReadAsync($"archive months {year} {now:yyyy-MM}", () => ReadAsync(year, nowUtc, now, zone));
        return archive is null ? Content("") : View(archive);
    }

    private async Task<Archive?> ReadAsync(int? year, DateTime nowUtc, DateTime now, TimeZoneInfo zone)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var visible = db.Articles.PublishedAt(nowUtc).AsNoTracking();
        if (await readCache.FirstPublishedAsync(visible, cancellationToken) is not { } firstUtc)
        {
            return null;
        }

        var first = MonthOf(firstUtc, zone);
        var last = year is { } y ? new DateTime(y, 12, 1) : now;

        // Always twelve counts, so the page costs the same however the stories are spread.
        var months = new List<Month>();
        for (var month = last; month > last.AddMonths(-RecentMonths); month = month.AddMonths(-1))
        {
            var period = new ArchivePeriod(month.Year, month.Month);
            // The month's query is built only when its count is not kept: building twelve cost more than finding them kept.
            var count = await readCache.GetOrReadAsync(period.Path, () => period.Within(visible, zone).CountAsync(cancellationToken));
            if (count > 0)
            {
                months.Add(new Month(period, count));
            }
        }

        // Only the years with stories: a year without (a gap in a back-filled archive, or the new year before its first
        // story) has no archive page, and its link led to a 404. Whether a year has one is looked up, not counted:
        // counting a year's stories took about 3 ms a year at 100,000 stories, the look-up a tenth of a millisecond.
        var years = new List<int>();
        for (var listed = now.Year; listed >= first.Year; listed--)
        {
            var period = new ArchivePeriod(listed);
            if (await readCache.GetOrReadAsync($"{period.Path} has stories", () => period.Within(visible, zone).AnyAsync(cancellationToken)))
            {
                years.Add(listed);
            }
        }

        return new Archive(year is null ? "Archives" : $"Archives for {year}", months, years);
    }

    private static DateTime MonthOf(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateTime(local.Year, local.Month, 1);
    }
}
