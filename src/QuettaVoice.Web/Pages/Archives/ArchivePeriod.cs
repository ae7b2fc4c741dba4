using System.Globalization;
using QuettaVoice.Web.Domain;

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

    /// <summary>The period's stories among <paramref name="visible"/>.</summary>
    public IQueryable<Domain.Article> Within(IQueryable<Domain.Article> visible, TimeZoneInfo zone)
    {
        var (start, end) = (StartUtc(zone), EndUtc(zone));
        return visible.Where(a => a.PublishedAt >= start && a.PublishedAt < end);
    }
}
