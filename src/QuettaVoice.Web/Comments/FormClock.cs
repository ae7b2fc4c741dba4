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

    // One object, so a reader on another thread sees a second and its stamp together.
    private SealedSecond? latest;

    /// <summary>
    /// The stamp for now, to the second: sealed once a second and shared by every form served in it, as sealing
    /// for each reader was a visible share of serving a cached story page. It is not secret, only tamper-proof.
    /// It names the end of the second, so the time a reader took is never counted longer than it was.
    /// </summary>
    public string Stamp()
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (latest is { } kept && kept.Second == second)
        {
            return kept.Stamp;
        }

        var stamp = protector.Protect(((second + 1) * 1000).ToString(CultureInfo.InvariantCulture));
        latest = new SealedSecond(second, stamp);
        return stamp;
    }

    private sealed record SealedSecond(long Second, string Stamp);

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
            // The stamp names the end of its second: a form sent back within that second took no time at all.
            var elapsed = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(served);
            return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
