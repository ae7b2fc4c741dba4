using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Account;

public sealed class ChangePasswordTests : SiteTest
{
    private const string NewPassword = "a river runs through quetta";

    private static Dictionary<string, string> Passwords(string current, string next, string again) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = again,
    };

    [Fact]
    public async Task A_signed_in_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var client = App.CreateReader();
        await client.SignInAsync(email, TestApp.Password);
        var page = await client.GetDocumentAsync("/account/change-password");

        using var changed = await client.SubmitAsync(page, Passwords(TestApp.Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Your password has been changed.", (await client.GetDocumentAsync("/admin")).One(".notice").Text());
        using var oldOne = await App.CreateReader().SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, oldOne.StatusCode);
        using var newOne = await App.CreateReader().SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Theory]
    [InlineData("not my password!", NewPassword, NewPassword, "#current-error", "The current password is not right.")]
    [InlineData(TestApp.Password, "too short", "too short", "#new-error", "The new password must be at least 12 characters long.")]
    [InlineData(TestApp.Password, NewPassword, "something else entirely", "#confirm-error", "The two new passwords are not the same.")]
    [InlineData(TestApp.Password, TestApp.Password, TestApp.Password, "#new-error", "Choose a new password, not the one you have now.")]
    public async Task A_refused_change_says_why_next_to_the_field(string current, string next, string again, string errorSelector, string message)
    {
        var client = await App.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/account/change-password");

        using var response = await client.SubmitAsync(page, Passwords(current, next, again));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await response.ParseAsync()).One(errorSelector).Text());
    }

    [Fact]
    public async Task Guessing_the_current_password_locks_the_account_and_ends_the_session_like_wrong_sign_ins()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var client = App.CreateReader();
        await client.SignInAsync(email, TestApp.Password);
        for (var attempt = 1; attempt < AccountServices.MaxFailedSignIns; attempt++)
        {
            using var wrong = await client.SubmitAsync(await client.GetDocumentAsync("/account/change-password"), Passwords($"guess number {attempt}", NewPassword, NewPassword));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var last = await client.SubmitAsync(await client.GetDocumentAsync("/account/change-password"), Passwords("one guess too many", NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.StartsWith("/account/login", last.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var admin = await client.GetAsync("/admin");
        Assert.StartsWith("/account/login", admin.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var right = await App.CreateReader().SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // refused: locked
    }

    [Fact]
    public async Task Another_session_of_a_locked_account_cannot_change_its_password_even_with_the_right_one()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var guesser = App.CreateReader();
        await guesser.SignInAsync(email, TestApp.Password);
        var other = App.CreateReader(); // a copy of the session, as a stolen cookie would be
        await other.SignInAsync(email, TestApp.Password);
        for (var attempt = 0; attempt < AccountServices.MaxFailedSignIns; attempt++)
        {
            using var wrong = await guesser.SubmitAsync(await guesser.GetDocumentAsync("/account/change-password"), Passwords($"guess number {attempt}", NewPassword, NewPassword));
        }

        using var rightOne = await other.SubmitAsync(await other.GetDocumentAsync("/account/change-password"), Passwords(TestApp.Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, rightOne.StatusCode);
        Assert.StartsWith("/account/login", rightOne.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QuettaVoice.Web.Domain.NewsUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, TestApp.Password));
    }

    [Fact]
    public async Task Only_a_signed_in_user_can_reach_the_page()
    {
        using var response = await App.CreateReader().GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }
}
