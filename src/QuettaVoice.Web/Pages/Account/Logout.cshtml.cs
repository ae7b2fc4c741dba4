using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Account;

/// <summary>Signing out is a POST (a link or an image on another site cannot sign anyone out); GET offers the button.</summary>
public sealed class LogoutModel(SignInManager<NewsUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { signedOut = true });
    }
}
