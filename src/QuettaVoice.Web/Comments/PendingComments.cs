using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace QuettaVoice.Web.Comments;

/// <summary>
/// The comments a reader has posted and that wait for a moderator, remembered in a signed, encrypted
/// cookie so they see their own words under the story and nobody else does. The cookie belongs to the
/// story's address (its Path), so the browser sends it only with that story's pages: everywhere else the
/// reader is served the cached pages everyone gets, since no other page shows comments.
/// </summary>
public sealed class PendingComments(IDataProtectionProvider protection)
{
    /// <summary>
    /// Not the first name this cookie had: that one was set for the whole site, and one left in a browser would
    /// be sent beside the story's own and read in its place.
    /// </summary>
    public const string CookieName = "qv_waiting";
    private const int Remembered = 20;

    private readonly IDataProtector protector = protection.CreateProtector("QuettaVoice.Comments.Pending");

    public IReadOnlyList<int> Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return protector.Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0)
                .ToList();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    /// <param name="context">The request that saved the comment; it carries the story's cookie, if it has one.</param>
    /// <param name="storyPath">The story's own address (its first page of comments); its other pages are below it.</param>
    /// <param name="commentId">The comment saved.</param>
    public void Remember(HttpContext context, string storyPath, int commentId)
    {
        var ids = Read(context.Request).Append(commentId).TakeLast(Remembered);
        var value = protector.Protect(string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = context.Request.PathBase + storyPath,
            MaxAge = TimeSpan.FromDays(30),
        });
    }
}
