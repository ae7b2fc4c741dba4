namespace QuettaVoice.Web.Domain;

/// <summary>Times as a clock on the newsroom's wall shows them, turned into the UTC the store keeps.</summary>
public static class WallClock
{
    /// <summary>
    /// The UTC moment <paramref name="wallClock"/> names in <paramref name="zone"/>. A time the clocks skipped, when
    /// summer time began, is read with the offset from before the change, as a calendar does: it lands just after the
    /// jump. Quetta's clocks skipped midnight on 1 June 2008 and 15 April 2009, and left to itself .NET throws on such
    /// a time, which made those days' archives an error page.
    /// </summary>
    public static DateTime ToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local)
            ? DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
