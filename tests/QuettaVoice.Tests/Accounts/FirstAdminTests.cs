using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Accounts;

/// <summary>A fresh install creates one admin whose one-time password only the server's owner can read.</summary>
public sealed class FirstAdminTests : SiteTest
{
    private string PasswordFile => Path.Combine(App.DataDirectory, NewsroomAccounts.InitialPasswordFileName);

    private async Task<string> InitialPasswordAsync()
    {
        _ = App.Server;
        return (await File.ReadAllTextAsync(PasswordFile)).Trim();
    }

    [Fact]
    public async Task The_password_file_is_readable_by_its_owner_only_and_only_its_place_is_logged()
    {
        var password = await InitialPasswordAsync();

        Assert.True(password.Length >= AccountServices.MinimumPasswordLength);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordFile));
        }

        Assert.Contains(App.Logs.Lines, l => l.Contains(PasswordFile, StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("admin@quettavoice.local", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_sign_in_must_choose_a_new_password_and_then_the_file_is_gone()
    {
        var password = await InitialPasswordAsync();
        var client = App.CreateReader();

        using var signedIn = await client.SignInAsync("admin@quettavoice.local", password);
        Assert.StartsWith("/account/change-password", signedIn.Headers.Location!.OriginalString);

        using var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/account/change-password", dashboard.Headers.Location!.OriginalString);

        var form = await client.GetDocumentAsync("/account/change-password");
        Assert.Contains("Choose your own before you go on", form.One(".notice").Text());
        using var changed = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password,
            ["Input.NewPassword"] = "the new admin password",
            ["Input.ConfirmPassword"] = "the new admin password",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False(File.Exists(PasswordFile));
        Assert.Equal("Dashboard", (await client.GetDocumentAsync("/admin")).One("main h1").Text());
    }

    [Fact]
    public async Task A_restart_of_a_site_that_has_users_creates_no_other_admin()
    {
        await InitialPasswordAsync();
        File.Delete(PasswordFile);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>().EnsureFirstAdminAsync();
        }

        Assert.False(File.Exists(PasswordFile));
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync()));
    }
}
