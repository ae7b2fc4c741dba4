using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// One browser's cookies for one site address, shared by clients of several instances of the site, as a load
/// balancer hands a reader's requests to whichever instance it likes. The instances listen on plain HTTP here,
/// so the Secure flag (which the TLS-terminating proxy makes true in production) is not checked.
/// </summary>
public sealed class CookieJar
{
    private readonly ConcurrentDictionary<string, string> cookies = new();

    /// <summary>A client for the instance at <paramref name="baseAddress"/> that keeps this jar and shows redirects as they are.</summary>
    public HttpClient ClientFor(Uri baseAddress) =>
        new(new JarHandler(this) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } })
        {
            BaseAddress = baseAddress,
        };

    private sealed class JarHandler(CookieJar jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!jar.cookies.IsEmpty)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies)
                && SetCookieHeaderValue.TryParseList(setCookies.ToList(), out var parsed))
            {
                foreach (var cookie in parsed)
                {
                    if (cookie.Expires < DateTimeOffset.UtcNow || cookie.Value.Length == 0)
                    {
                        jar.cookies.TryRemove(cookie.Name.ToString(), out _);
                    }
                    else
                    {
                        jar.cookies[cookie.Name.ToString()] = cookie.Value.ToString();
                    }
                }
            }

            return response;
        }
    }
}
