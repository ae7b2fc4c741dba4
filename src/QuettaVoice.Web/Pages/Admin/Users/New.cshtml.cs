using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Users;

/// <summary>
/// Adds a newsroom member with a one-time password, shown once to the Admin to pass on; the member must
/// replace it at first sign-in. (This site sends no email.)
/// </summary>
public sealed class NewModel(NewsroomAccounts accounts, NewsDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? CreatedPassword { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter their email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(254)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the name the newsroom knows them by.")]
        [StringLength(NewsUser.DisplayNameMaxLength)]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose their role.")]
        public string Role { get; set; } = Roles.Writer;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = NewsroomAccounts.NewPassword();
        var problems = await accounts.AddUserAsync(Input.Email, Input.Name, Input.Role, password, mustChangePassword: true);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(
                    problem.About switch
                    {
                        AccountEntry.Email => $"{nameof(Input)}.{nameof(Input.Email)}",
                        AccountEntry.Role => $"{nameof(Input)}.{nameof(Input.Role)}",
                        _ => "",
                    },
                    problem.Message);
            }

            return Page();
        }

        db.Audit.Add(AuditEntry.Of(User.UserId(), User.DisplayName(), "create user", $"{Input.Name.Trim()} as {Input.Role}", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        CreatedPassword = password;
        // Shown once, on this response only; it is stored nowhere but as a hash.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
