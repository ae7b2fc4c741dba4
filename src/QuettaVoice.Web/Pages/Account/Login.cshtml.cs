using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Account;

public sealed class LoginModel(SignInManager<NewsUser> signIn, UserManager<NewsUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(254)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
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

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "This account has been disabled. Ask an admin to enable it.");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", $"Too many wrong passwords: this account is locked for {AccountServices.LockoutDuration.TotalMinutes:0} minutes.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "The email or password is not right.");
            return Page();
        }

        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin";
        return user!.MustChangePassword
            ? RedirectToPage("/Account/ChangePassword", new { returnUrl = next })
            : LocalRedirect(next);
    }
}
