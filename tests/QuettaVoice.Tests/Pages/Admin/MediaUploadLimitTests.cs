using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Media;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>
/// The body limit is enforced by Kestrel, not by the in-memory test server, so this runs the site on a real
/// socket. The sign-in cookie is Secure and the socket plain HTTP, so cookies are carried by hand.
/// </summary>
public sealed class MediaUploadLimitTests : IAsyncLifetime
{
    private readonly TestApp app = new(seed: false);
    private readonly Dictionary<string, string> cookies = [];
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        app.UseKestrel(0);
        app.StartServer();
        client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.ClientOptions.BaseAddress,
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }

        return response;
    }

    private async Task<string> TokenAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        return ((IHtmlInputElement)page.One("main form input[name=__RequestVerificationToken]")).Value;
    }

    [Fact]
    public async Task On_the_real_server_a_huge_upload_gets_the_page_with_the_reason_not_a_broken_connection()
    {
        var email = await app.CreateUserAsync(Roles.Writer);
        using var signIn = await SendAsync(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["__RequestVerificationToken"] = await TokenAsync("/account/login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync("/admin/media")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(TestImages.OversizedJpeg(3 * ImageProcessor.MaxBytes));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "Image", "huge.jpg");
        form.Add(new StringContent("Flood water over the Sibi road " + new string('x', 5 * 1024 * 1024)), "AltText"); // after the picture, as browsers send it

        using var response = await SendAsync(HttpMethod.Post, "/admin/media", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(ImageProcessor.TooLarge, page.One("#image-error").Text());
        // As much of it as the library keeps, and no more, is read and shown back.
        Assert.Equal("Flood water over the Sibi road " + new string('x', MediaItem.AltTextMaxLength + 1 - 31), page.ValueOf("AltText"));
        Assert.Empty(await app.WithDbAsync(db => Task.FromResult(db.Media.ToList())));
    }
}
