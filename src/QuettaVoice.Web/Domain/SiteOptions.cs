namespace QuettaVoice.Web.Domain;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "Quetta Voice";
    public string Tagline { get; set; } = "News and views from Balochistan";

    /// <summary>The public address readers use; feeds, sitemaps and canonical links are built on it, never on the request's Host header.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The newsroom's zone: times are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Karachi";

    private TimeZoneInfo? zone;

    /// <summary>The zone named by <see cref="TimeZone"/>, looked up once: the lookup takes a process-wide lock, and every time on a page asks.</summary>
    public TimeZoneInfo FindTimeZone() =>
        zone is { } found && found.Id == TimeZone ? found : zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>A stored UTC time as the newsroom's clock showed it, with the zone's offset at that moment.</summary>
    public DateTimeOffset NewsroomTime(DateTime utc)
    {
        // The zone's rules looked up once: converting the time, then asking its offset, looked them up twice.
        var asUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(asUtc).ToOffset(FindTimeZone().GetUtcOffset(asUtc));
    }

    public bool HasKnownTimeZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);

    public bool HasAbsoluteBaseUrl() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The absolute address of a site path such as <c>/2025/07/03/story</c>.</summary>
    public string AbsoluteUrl(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
