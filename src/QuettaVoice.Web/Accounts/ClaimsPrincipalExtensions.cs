using System.Security.Claims;

namespace QuettaVoice.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The name the newsroom knows the user by; never their email address.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NewsUserClaimsFactory.DisplayNameClaim) ?? "Unknown user";
}
