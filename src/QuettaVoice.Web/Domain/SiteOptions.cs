namespace QuettaVoice.Web.Domain;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "Quetta Voice";
    public string Tagline { get; set; } = "News and views from Balochistan";
    public string? BaseUrl { get; set; }

    /// <summary>The newsroom's zone: times are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Karachi";

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool HasKnownTimeZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
