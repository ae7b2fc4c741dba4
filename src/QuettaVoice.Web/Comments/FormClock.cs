using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace QuettaVoice.Web.Comments;

/// <summary>
/// When the comment form was served, sealed into the form itself, so the site can tell how long the
/// reader took to fill it in without trusting a number the browser could change.
/// </summary>
public sealed class FormClock(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("QuettaVoice.Comments.FormServedAt");

    public string Stamp() => protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the form was served; null when the stamp is missing or was tampered with.</summary>
    public TimeSpan? Elapsed(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }

        try
        {
            var served = long.Parse(protector.Unprotect(stamp), CultureInfo.InvariantCulture);
            return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(served);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
