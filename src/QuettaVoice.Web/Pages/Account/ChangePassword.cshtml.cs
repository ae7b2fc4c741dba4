using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Account;

public sealed class ChangePasswordModel(
    UserManager<NewsUser> users, SignInManager<NewsUser> signIn, NewsroomAccounts accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool MustChange { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(200, MinimumLength = AccountServices.MinimumPasswordLength, ErrorMessage = "The new password must be at least {2} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => MustChange = User.HasClaim(NewsUserClaimsFactory.MustChangePasswordClaim, "true");

    public async Task<IActionResult> OnPostAsync()
    {
        MustChange = User.HasClaim(NewsUserClaimsFactory.MustChangePasswordClaim, "true");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // A one-time password is read off an admin's screen: kept as it is, the admin would still know it.
        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", "Choose a new password, not the one you have now.");
            return Page();
        }

        // A wrong current password counts as a wrong sign-in: someone holding a stolen session must not guess the
        // password without limit, then change it and keep the account. While the account is locked no session may
        // try; the lock this page sets also renews the stamp, so every copy of the cookie ends at its next check.
        if (await users.IsLockedOutAsync(user))
        {
            await signIn.SignOutAsync();
            return RedirectToPage("/Account/Login");
        }

        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await users.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Login");
            }
        }

        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                var mismatch = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
                ModelState.AddModelError(mismatch ? "Input.CurrentPassword" : "Input.NewPassword", mismatch ? "The current password is not right." : error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            accounts.ForgetInitialPassword();
        }

        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password has been changed.";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}
