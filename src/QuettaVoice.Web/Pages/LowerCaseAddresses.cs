namespace QuettaVoice.Web.Pages;

/// <summary>
/// The site's addresses are lower case: one asked in capitals (<c>/CATEGORY/Politics</c>) moves to its lower-case
/// form with a 301, before the page cache. Kept apart there, every spelling was a page rendered anew, so anyone could
/// push readers' pages out of the cache by varying the case; kept together, the spelling asked first decided the
/// page every reader got, its canonical address included.
/// </summary>
public static class LowerCaseAddresses
{
    public static IApplicationBuilder UseLowerCaseAddresses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.Value is { } path
                && path.Any(char.IsAsciiLetterUpper))
            {
                context.Response.Redirect(new PathString(path.ToLowerInvariant()).ToUriComponent() + request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
}
