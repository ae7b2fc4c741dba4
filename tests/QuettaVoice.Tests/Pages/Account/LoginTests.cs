using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Pages.Account;

namespace QuettaVoice.Tests.Pages.Account;

public sealed class LoginTests : SiteTest
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task The_form_asks_for_email_and_password_by_label()
    {
        var page = await App.CreateReader().GetDocumentAsync("/account/login");

        Assert.Equal("email", page.One("#Input_Email").GetAttribute("type"));
        Assert.Equal("Email", page.One("label[for=Input_Email]").Text());
        Assert.Equal("Password", page.One("label[for=Input_Password]").Text());
        Assert.Equal("password", page.One("#Input_Password").GetAttribute("type"));
    }

    [Fact]
    public async Task The_right_password_opens_the_dashboard_with_a_cookie_scripts_cannot_read()
    {
        var email = await App.CreateUserAsync(Roles.Editor);
        var client = App.CreateReader();

        using var response = await client.SignInAsync(email, TestApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qv_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Dashboard", (await client.GetDocumentAsync("/admin")).One("main h1").Text());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_email_stays_in_the_form()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var client = App.CreateReader();

        using var response = await client.SignInAsync(email, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(LoginModel.RefusedMessage, page.One(".form-errors li").Text());
        Assert.Equal(email, page.ValueOf("Input.Email"));
        Assert.True(string.IsNullOrEmpty(page.ValueOf("Input.Password")));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var response = await App.CreateReader().SignInAsync("nobody@quettavoice.test", "whatever password");

        Assert.Equal(LoginModel.RefusedMessage, (await response.ParseAsync()).One(".form-errors li").Text());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_without_saying_so_to_a_stranger()
    {
        var email = await App.CreateUserAsync(Roles.Editor);
        var client = App.CreateReader();
        for (var attempt = 0; attempt < AccountServices.MaxFailedSignIns; attempt++)
        {
            using var wrong = await client.SignInAsync(email, $"wrong password {attempt}");
        }

        using var right = await client.SignInAsync(email, TestApp.Password);

        // The right password is refused, with the answer an email no one has gets: the lockout is named in it.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(LoginModel.RefusedMessage, (await right.ParseAsync()).One(".form-errors li").Text());
        Assert.Contains("lock an account for 15 minutes", LoginModel.RefusedMessage, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Empty_fields_are_named_next_to_themselves()
    {
        var client = App.CreateReader();
        var page = await client.GetDocumentAsync("/account/login");

        using var response = await client.SubmitAsync(page, Credentials("", ""));

        var result = await response.ParseAsync();
        Assert.Equal("Enter your email address.", result.One("#email-error").Text());
        Assert.Equal("Enter your password.", result.One("#password-error").Text());
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused()
    {
        var email = await App.CreateUserAsync(Roles.Editor);

        using var response = await App.CreateReader().PostAsync("/account/login", new FormUrlEncodedContent(Credentials(email, TestApp.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    public async Task A_return_address_on_another_site_is_ignored(string returnUrl)
    {
        var email = await App.CreateUserAsync(Roles.Editor);

        using var response = await App.CreateReader().SignInAsync(email, TestApp.Password, returnUrl);

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await App.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/admin");

        using var signedOut = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[action='/account/logout']");
        using var after = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_ends_a_copy_of_the_session_too_within_a_minute()
    {
        var email = await App.CreateUserAsync(Roles.Editor);
        var device = App.CreateReader();
        using var signedIn = await device.SignInAsync(email, TestApp.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("qv_auth=", StringComparison.Ordinal));
        var copy = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        async Task<HttpStatusCode> CopyOpensAdminAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie);
            using var response = await copy.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await CopyOpensAdminAsync());

        using var signedOut = await device.SubmitAsync(await device.GetDocumentAsync("/admin"), new Dictionary<string, string>(), "form[action='/account/logout']");
        App.Clock.Advance(TimeSpan.FromMinutes(1.5));

        Assert.Equal(HttpStatusCode.Redirect, await CopyOpensAdminAsync());
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue);
        }

        using var response = await App.CreateReader().SignInAsync(email, TestApp.Password);

        // The same answer as for an email no one has: whether an account exists is not told to whoever asks.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LoginModel.RefusedMessage, (await response.ParseAsync()).One(".form-errors li").Text());
    }
}
