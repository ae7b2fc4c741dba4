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
                && path.AsSpan().ContainsAnyInRange('A', 'Z') // most addresses have none: nothing to copy for them
                && LowerCase(path) is var lower
                && lower != path)
            {
                context.Response.Redirect(new PathString(lower).ToUriComponent() + request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>
    /// The path with its ASCII letters lower-cased, but not those of an escape the path keeps (<c>%2F</c>, a slash
    /// inside a segment): lowered, it would be another address, and the redirect would go round again.
    /// </summary>
    private static string LowerCase(string path) =>
        string.Create(path.Length, path, (lowered, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var isEscape = source[i] == '%' && i + 2 < source.Length && char.IsAsciiHexDigit(source[i + 1]) && char.IsAsciiHexDigit(source[i + 2]);
                if (isEscape)
                {
                    source.AsSpan(i, 3).CopyTo(lowered[i..]);
                    i += 2;
                    continue;
                }

                lowered[i] = char.IsAsciiLetterUpper(source[i]) ? char.ToLowerInvariant(source[i]) : source[i];
            }
        });
}
