using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Web.Pages.Archives;

/// <summary>
/// A year, a month or a day of the paper as the newsroom dates it: its stories are those published between
/// midnight at its start and midnight at its end, Quetta time.
/// </summary>
public sealed record ArchivePeriod(int Year, int? Month = null, int? Day = null)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The period named by an address, or null when the address names no real date.</summary>
    public static ArchivePeriod? From(int year, int? month, int? day)
    {
        if (year is < 1 or > 9998 || month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value))))
        {
            return null;
        }

        return new ArchivePeriod(year, month, day);
    }

    public DateTime FirstDay => new(Year, Month ?? 1, Day ?? 1, 0, 0, 0, DateTimeKind.Unspecified);

    public DateTime NextPeriodFirstDay => Day is not null ? FirstDay.AddDays(1) : Month is not null ? FirstDay.AddMonths(1) : FirstDay.AddYears(1);

    public DateTime StartUtc(TimeZoneInfo zone) => WallClock.ToUtc(FirstDay, zone);

    public DateTime EndUtc(TimeZoneInfo zone) => WallClock.ToUtc(NextPeriodFirstDay, zone);

    /// <summary>"2025", "July 2025" or "3 July 2025".</summary>
    public string Name => Day is not null
        ? FirstDay.ToString("d MMMM yyyy", English)
        : Month is not null ? FirstDay.ToString("MMMM yyyy", English) : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The old site's archive addresses: <c>/2025</c>, <c>/2025/07</c>, <c>/2025/07/03</c>.</summary>
    public string Path => string.Create(CultureInfo.InvariantCulture, $"/{Year:D4}")
        + (Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"/{m:D2}") : "")
        + (Day is { } d ? string.Create(CultureInfo.InvariantCulture, $"/{d:D2}") : "");

    /// <summary>The period's stories among <paramref name="visible"/>, to count them.</summary>
    public IQueryable<Domain.Article> Within(IQueryable<Domain.Article> visible, TimeZoneInfo zone)
    {
        var (start, end) = (StartUtc(zone), EndUtc(zone));
        return visible.Where(a => a.PublishedAt >= start && a.PublishedAt < end);
    }

    /// <summary>
    /// The ids of a page of a period's stories readers may see now, newest first (the order of
    /// <see cref="Visibility.Latest"/>, which a compiled query cannot call), by a query compiled once, as
    /// <see cref="NewestFirst"/> reads a list's: EF walked it on every request to find its parameters and its SQL.
    /// </summary>
    private static readonly PerStore<Func<NewsDb, DateTime, DateTime, DateTime, int, int, IAsyncEnumerable<int>>> PageIds = new(() => EF.CompileAsyncQuery(Inlined.Expand(
        (NewsDb db, DateTime nowUtc, DateTime startUtc, DateTime endUtc, int skip, int take) => db.Articles.AsNoTracking()
            .Where(a => Visibility.IsPublishedAt.Invoke(a, nowUtc) && a.PublishedAt >= startUtc && a.PublishedAt < endUtc)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(skip)
            .Take(take)
            .Select(a => a.Id))));

    /// <summary>One page of the cards of the period's stories readers may see at <paramref name="nowUtc"/>, read on one connection.</summary>
    public Task<List<StoryCard>> PageAsync(NewsDb db, DateTime nowUtc, TimeZoneInfo zone, int skip, int take, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async () => await StoryCard.ByIdsAsync(
                db, await PageIds.For(db)(db, nowUtc, StartUtc(zone), EndUtc(zone), skip, take).ToListAsync(cancellationToken), zone, cancellationToken),
            cancellationToken);
}
