using Microsoft.AspNetCore.Authorization;

namespace QuettaVoice.Web.Accounts;

/// <summary>Who may enter which part of the admin area; pages name a policy, never a list of roles.</summary>
public static class Policies
{
    public const string Newsroom = "Newsroom";
    public const string Writers = "Writers";
    public const string Editors = "Editors";
    public const string Moderators = "Moderators";
    public const string Admins = "Admins";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Newsroom, p => p.RequireRole(Roles.All));
        options.AddPolicy(Writers, p => p.RequireRole(Roles.Writer, Roles.Editor, Roles.Admin));
        options.AddPolicy(Editors, p => p.RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Moderators, p => p.RequireRole(Roles.Moderator, Roles.Editor, Roles.Admin));
        options.AddPolicy(Admins, p => p.RequireRole(Roles.Admin));
    }
}
