using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Accounts;

/// <summary>Adds the name to show and, while it is owed, the duty to change the password to the sign-in cookie.</summary>
public sealed class NewsUserClaimsFactory(
    UserManager<NewsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NewsUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "qv:display_name";
    public const string MustChangePasswordClaim = "qv:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
