using System.Globalization;

namespace QuettaVoice.Web.Domain;

/// <summary>WordPress-style story addresses, dated in the newsroom's zone as the old site dated them.</summary>
public static class Permalink
{
    public static string For(string slug, DateTime publishedAtUtc, TimeZoneInfo newsroomZone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(publishedAtUtc, DateTimeKind.Utc), newsroomZone);
        return string.Create(CultureInfo.InvariantCulture, $"/{local:yyyy}/{local:MM}/{local:dd}/{slug}");
    }
}
