using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Accounts;

/// <summary>Creating newsroom accounts: the roles, the first admin of a fresh install, and users added by script.</summary>
public sealed partial class NewsroomAccounts(
    UserManager<NewsUser> users,
    RoleManager<IdentityRole> roles,
    DataFolder dataFolder,
    IOptions<AccountOptions> options,
    ILogger<NewsroomAccounts> logger)
{
    public const string InitialPasswordFileName = "initial-admin-password";

    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string InitialPasswordFile => dataFolder.File(InitialPasswordFileName);

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Whether <see cref="EnsureFirstAdminAsync"/> would find nothing to do: every role there and some user.</summary>
    public async Task<bool> HasFirstAdminAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                return false;
            }
        }

        return await users.Users.AnyAsync();
    }

    /// <summary>
    /// On a site with no users, creates an admin with a random password written to a file only its owner can read,
    /// and logs where the file is, never the password. The admin must choose a new password at first sign-in.
    /// </summary>
    public async Task EnsureFirstAdminAsync()
    {
        await EnsureRolesAsync();
        if (await users.Users.AnyAsync())
        {
            return;
        }

        var password = NewPassword();
        var errors = await AddUserAsync(options.Value.FirstAdminEmail, "Site admin", Roles.Admin, password, mustChangePassword: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", errors));
        }

        await WriteOwnerOnlyAsync(InitialPasswordFile, password + "\n");
        LogFirstAdmin(InitialPasswordFile);
    }

    /// <summary>Adds a user with one role; what stopped it, for the person who asked, empty on success.</summary>
    public async Task<IReadOnlyList<AccountProblem>> AddUserAsync(string email, string displayName, string role, string password, bool mustChangePassword)
    {
        if (!Roles.All.Contains(role))
        {
            return [new($"There is no role \"{role}\"; the roles are {string.Join(", ", Roles.All)}.", AccountEntry.Role)];
        }

        await EnsureRolesAsync();
        var user = new NewsUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return ProblemsOf(created, user.Email);
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? [] : ProblemsOf(added, user.Email);
    }

    /// <summary>
    /// Identity's errors as the person adding the account knows it: the user name is the email, so what Identity
    /// says of a "user name" is said of the email, once, beside it.
    /// </summary>
    private static List<AccountProblem> ProblemsOf(IdentityResult result, string email) =>
        result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) =>
                    new AccountProblem($"There is already an account with the email {email}.", AccountEntry.Email),
                nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail) =>
                    new AccountProblem("Enter a valid email address.", AccountEntry.Email),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new AccountProblem(e.Description, AccountEntry.Password),
                _ => new AccountProblem(e.Description),
            })
            .Distinct()
            .ToList();

    /// <summary>A random password for someone else to replace at first sign-in.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 24);

    /// <summary>Once the first admin has chosen a password, the file with the old one has no reason to exist.</summary>
    public void ForgetInitialPassword() => File.Delete(InitialPasswordFile);

    private static async Task WriteOwnerOnlyAsync(string path, string text)
    {
        File.Delete(path);
        await using var file = new StreamWriter(OwnerOnlyFile.CreateNew(path));
        await file.WriteAsync(text);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: an admin account was created; its one-time password is in {PasswordFile}")]
    private partial void LogFirstAdmin(string passwordFile);
}
