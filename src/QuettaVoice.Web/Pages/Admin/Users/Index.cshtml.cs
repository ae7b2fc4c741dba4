using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Users;

/// <summary>The newsroom's accounts for Admins: each one's role, and whether it may sign in.</summary>
public sealed class IndexModel(NewsDb db, UserManager<NewsUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>An account as the list shows it; <c>LockedUntil</c> is when a lock for too many wrong passwords ends (UTC), null when there is none.</summary>
    public sealed record Row(string Id, string Name, string Email, string Role, bool Disabled, DateTime? LockedUntil);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roleOf = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "", cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Rows = all.ConvertAll(u => new Row(
            u.Id, u.DisplayName, u.Email ?? "", roleOf.GetValueOrDefault(u.Id, "–"), u.IsDisabled,
            !u.IsDisabled && u.LockoutEnd > now ? u.LockoutEnd.Value.UtcDateTime : null));
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return BadRequest();
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await IsLastAdminAsync(user) && role != Roles.Admin)
        {
            TempData["StatusMessage"] = "The newsroom needs at least one Admin: make someone else an Admin first.";
            return RedirectToPage();
        }

        var roles = await users.GetRolesAsync(user);
        if (!await AllOrNoneAsync(
            () => users.RemoveFromRolesAsync(user, roles),
            () => users.AddToRoleAsync(user, role),
            // Open sessions carry the old role until their stamp is next checked (within a minute); this makes it fail.
            () => users.UpdateSecurityStampAsync(user)))
        {
            return RedirectToPage();
        }

        await AuditAsync("change role", $"{user.DisplayName} is now {role}");
        TempData["StatusMessage"] = $"{user.DisplayName} is now {role}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == User.UserId() || await IsLastAdminAsync(user))
        {
            TempData["StatusMessage"] = "You cannot disable your own account or the last Admin.";
            return RedirectToPage();
        }

        if (!await AllOrNoneAsync(
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            () => users.UpdateSecurityStampAsync(user)))
        {
            return RedirectToPage();
        }

        await AuditAsync("disable user", user.DisplayName);
        TempData["StatusMessage"] = $"{user.DisplayName} can no longer sign in.";
        return RedirectToPage();
    }

    /// <summary>Lets a disabled account sign in again, or one locked by wrong passwords before its time is up.</summary>
    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var action = user.IsDisabled ? "enable user" : "unlock user";
        if (!await AllOrNoneAsync(() => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user)))
        {
            return RedirectToPage();
        }

        await AuditAsync(action, user.DisplayName);
        TempData["StatusMessage"] = $"{user.DisplayName} can sign in again.";
        return RedirectToPage();
    }

    /// <summary>
    /// Makes an account's changes as one. Identity answers a change that meets another to the same account (the member
    /// changing their password at that moment, or a second admin) with a failure rather than an exception; the steps
    /// before it are then undone, nothing is audited, and the admin is told, where the audit's save had failed with a 500.
    /// </summary>
    private async Task<bool> AllOrNoneAsync(params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var step in steps)
        {
            if (!(await step()).Succeeded)
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                TempData["StatusMessage"] = "Someone changed this account at the same moment, so nothing was changed. Try again.";
                return false;
            }
        }

        await transaction.CommitAsync();
        return true;
    }

    private async Task<bool> IsLastAdminAsync(NewsUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled) <= 1;

    private async Task AuditAsync(string action, string subject)
    {
        db.Audit.Add(AuditEntry.Of(User.UserId(), User.DisplayName(), action, subject, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }
}
