using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QuettaVoice.Web.Accounts;

/// <summary>Keeps a user whose password was chosen by someone else out of the admin area until they choose their own.</summary>
public sealed class PasswordChangeRequiredFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(NewsUserClaimsFactory.MustChangePasswordClaim, "true"))
        {
            var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new RedirectToPageResult("/Account/ChangePassword", new { returnUrl });
            return;
        }

        await next();
    }
}
