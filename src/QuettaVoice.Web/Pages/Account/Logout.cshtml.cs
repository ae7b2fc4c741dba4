using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Account;

/// <summary>
/// Signing out is a POST (a link or an image on another site cannot sign anyone out); GET offers the button. It ends
/// every copy of the session, not only this browser's: the account's stamp is renewed, so a copied cookie fails at
/// its next check (within a minute), and the member's other devices sign in again.
/// </summary>
public sealed class LogoutModel(SignInManager<NewsUser> signIn, UserManager<NewsUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { signedOut = true });
    }
}
