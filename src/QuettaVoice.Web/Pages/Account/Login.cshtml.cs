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

        // One answer for an unknown email, a wrong password, and a locked or disabled account, given after the same
        // work (a password hash checked): the page must not tell anyone which emails belong to the newsroom.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? NoOne, UnusedHash(), Input.Password);
            return Refused();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Refused();
        }

        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin";
        return user.MustChangePassword
            ? RedirectToPage("/Account/ChangePassword", new { returnUrl = next })
            : LocalRedirect(next);
    }

    public static readonly string RefusedMessage =
        $"The email or password is not right. {AccountServices.MaxFailedSignIns} wrong passwords lock an account for "
        + $"{AccountServices.LockoutDuration.TotalMinutes:0} minutes, and a disabled account stays locked until an admin enables it.";

    private PageResult Refused()
    {
        ModelState.AddModelError("", RefusedMessage);
        return Page();
    }

    private static readonly NewsUser NoOne = new() { DisplayName = "" };

    private static string? unusedHash;

    /// <summary>A hash of no one's password, made by the site's own hasher, to check a password against when there is no account's to check.</summary>
    private string UnusedHash() => unusedHash ??= users.PasswordHasher.HashPassword(NoOne, Guid.NewGuid().ToString());
}
