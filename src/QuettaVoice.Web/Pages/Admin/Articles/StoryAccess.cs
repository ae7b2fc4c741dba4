using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Admin.Articles;

/// <summary>Who may change a story: Editors and Admins any story, a Writer their own drafts.</summary>
public static class StoryAccess
{
    public static async Task<bool> IsEditorAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Editors)).Succeeded;

    public static async Task<bool> MayEditAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Article article) =>
        await authorization.IsEditorAsync(user) || article.IsEditableByWriter(user.UserId()!);
}
