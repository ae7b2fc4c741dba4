using System.Globalization;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Shared;

namespace QuettaVoice.Tests.Pages;

/// <summary>
/// A time on a page is spelled without format strings, for speed; it must read exactly as the format strings that
/// define it would have written it, in zones ahead of and behind UTC, by whole and part hours, in summer time or not.
/// </summary>
public sealed class NewsroomTimeTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<string> Zones => new() { "Asia/Karachi", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "UTC" };

    /// <summary>Every hour and many minutes of every month, in a leap year, and the first second of a few years.</summary>
    private static IEnumerable<DateTime> UtcTimes()
    {
        for (var at = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); at.Year == 2024; at = at.AddMinutes(377).AddSeconds(13))
        {
            yield return at;
        }

        foreach (var year in new[] { 2000, 2025, 2026, 2099 })
        {
            yield return new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            yield return new DateTime(year, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_time_reads_as_its_format_strings_write_it(string zoneId)
    {
        var site = new SiteOptions { TimeZone = zoneId };
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Span<char> text = stackalloc char[64];
        foreach (var utc in UtcTimes())
        {
            var local = site.NewsroomTime(utc);
            Assert.Equal(new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), zone.GetUtcOffset(utc)), local);
            Assert.Equal(local.Offset, local.DateTime - utc);

            Assert.Equal(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), PageMeta.Iso8601(local));
            Assert.Equal(local.ToString("d MMMM yyyy, h:mm tt", English), new string(text[..NewsroomTimeHtml.Readable(local, dateOnly: false, text)]));
            Assert.Equal(local.ToString("d MMMM yyyy", English), new string(text[..NewsroomTimeHtml.Readable(local, dateOnly: true, text)]));
        }
    }
}
