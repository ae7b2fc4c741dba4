using Microsoft.AspNetCore.Identity;

namespace QuettaVoice.Web.Domain;

/// <summary>A member of the newsroom who signs in: an Admin, Editor, Writer or Moderator.</summary>
public sealed class NewsUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public required string DisplayName { get; set; }

    /// <summary>Set for a password someone else chose (the first admin's, an invited user's) until its owner replaces it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account keeps its history but can no longer sign in: it is locked out for good.</summary>
    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}
