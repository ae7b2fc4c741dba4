using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>Admins add newsroom members, change their roles and disable them; every change is audited.</summary>
public sealed class UsersTests : SiteTest
{
    private HttpClient admin = null!;

    public override async Task InitializeAsync() => admin = await App.SignInAsync(Roles.Admin);

    private async Task<AngleSharp.Dom.IElement> RowOfAsync(string email) =>
        (await admin.GetDocumentAsync("/admin/users")).One($"tr[data-user='{email}']");

    [Fact]
    public async Task An_added_member_signs_in_with_the_one_time_password_and_must_replace_it()
    {
        var form = await admin.GetDocumentAsync("/admin/users/new");

        using var created = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "reporter@quettavoice.test", ["Input.Name"] = "Sana Baloch", ["Input.Role"] = Roles.Writer,
        });

        var page = await created.ParseAsync();
        var password = page.One("#one-time-password").Text();
        Assert.True(created.Headers.CacheControl!.NoStore, "a page with a password must not be stored by any cache");
        using var signedIn = await App.CreateReader().SignInAsync("reporter@quettavoice.test", password);
        Assert.StartsWith("/account/change-password", signedIn.Headers.Location!.OriginalString);
        Assert.Equal("Writer", (await RowOfAsync("reporter@quettavoice.test")).One("select option[selected]").Text());
    }

    [Fact]
    public async Task A_new_member_without_a_role_is_refused_with_the_reason_beside_the_role()
    {
        var form = await admin.GetDocumentAsync("/admin/users/new");

        using var refused = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "reporter@quettavoice.test", ["Input.Name"] = "Sana Baloch", ["Input.Role"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Choose their role.", page.One("#new-role-error").Text());
        Assert.Equal("reporter@quettavoice.test", page.ValueOf("Input.Email"));
    }

    [Fact]
    public async Task Any_valid_email_makes_an_account_and_one_already_in_use_is_refused_beside_the_email()
    {
        using var created = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = "o'brien+desk@quettavoice.test", ["Input.Name"] = "Aisha O'Brien", ["Input.Role"] = Roles.Writer,
        });
        Assert.NotEmpty((await created.ParseAsync()).One("#one-time-password").Text());

        using var refused = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users/new"), new Dictionary<string, string>
        {
            ["Input.Email"] = "o'brien+desk@quettavoice.test", ["Input.Name"] = "Someone Else", ["Input.Role"] = Roles.Editor,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("There is already an account with the email o'brien+desk@quettavoice.test.", page.One("#new-email-error").Text());
        Assert.Empty(page.QuerySelectorAll(".form-errors li"));
        Assert.Equal("Someone Else", page.ValueOf("Input.Name"));
    }

    [Fact]
    public async Task A_role_change_takes_effect_and_is_audited()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var page = await admin.GetDocumentAsync("/admin/users");

        using var changed = await admin.SubmitAsync(page, new Dictionary<string, string> { ["role"] = Roles.Editor }, $"tr[data-user='{email}'] form.role-form");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Editor", (await RowOfAsync(email)).One("select option[selected]").Text());
        var client = App.CreateReader();
        await client.SignInAsync(email, TestApp.Password);
        Assert.NotEmpty((await client.GetDocumentAsync("/admin/articles/new")).QuerySelectorAll("button[formaction*='handler=Publish']"));
        var audit = (await admin.GetDocumentAsync("/admin/audit")).One("tbody tr").QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.Equal(["Test Admin", "change role", "Test Writer is now Editor"], audit.Skip(1));
    }

    [Fact]
    public async Task A_role_change_that_meets_another_change_to_the_account_changes_nothing_and_says_so()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var page = await admin.GetDocumentAsync("/admin/users");
        // Held once it has looked the member's roles up; meanwhile the member's own session changes the account.
        var hold = App.SqlPause.Next(sql => sql.Contains("\"AspNetUserRoles\"", StringComparison.Ordinal));
        var changing = admin.SubmitAsync(page, new Dictionary<string, string> { ["role"] = Roles.Editor }, $"tr[data-user='{email}'] form.role-form");
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())));
        hold.Release();

        using var response = await changing;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/users");
        Assert.Equal("Someone changed this account at the same moment, so nothing was changed. Try again.", list.One(".notice").Text());
        Assert.Equal("Writer", list.One($"tr[data-user='{email}']").One("select option[selected]").Text());
    }

    [Fact]
    public async Task A_disabled_member_cannot_sign_in_until_enabled_again()
    {
        var email = await App.CreateUserAsync(Roles.Moderator);

        using var disabled = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string>(), $"tr[data-user='{email}'] form.disable-form");
        using var refused = await App.CreateReader().SignInAsync(email, TestApp.Password);
        Assert.Equal(QuettaVoice.Web.Pages.Account.LoginModel.RefusedMessage, (await refused.ParseAsync()).One(".form-errors li").Text());

        using var enabled = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string>(), $"tr[data-user='{email}'] form.enable-form");
        using var accepted = await App.CreateReader().SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory]
    [InlineData("form.role-form")]
    [InlineData("form.disable-form")]
    public async Task A_members_open_session_ends_within_a_minute_of_a_role_change_or_of_being_disabled(string form)
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        var writer = App.CreateReader();
        using (var signedIn = await writer.SignInAsync(email, TestApp.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var before = await writer.GetAsync("/admin/articles/new"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var changed = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string> { ["role"] = Roles.Moderator }, $"tr[data-user='{email}'] {form}");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(1.5));

        using var after = await writer.GetAsync("/admin/articles/new");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_account_locked_by_wrong_passwords_says_so_and_an_admin_can_unlock_it()
    {
        var email = await App.CreateUserAsync(Roles.Writer);
        for (var i = 0; i < AccountServices.MaxFailedSignIns; i++)
        {
            using var wrong = await App.CreateReader().SignInAsync(email, "not the password at all");
        }

        using (var locked = await App.CreateReader().SignInAsync(email, TestApp.Password))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var row = await RowOfAsync(email);
        Assert.StartsWith("Locked after wrong passwords, until", row.One(".user-state").Text(), StringComparison.Ordinal);

        using var unlocked = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string>(), $"tr[data-user='{email}'] form.unlock-form");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal("Active", (await RowOfAsync(email)).One(".user-state").Text());
        using var signedIn = await App.CreateReader().SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var audit = (await admin.GetDocumentAsync("/admin/audit")).One("tbody tr").QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.Equal(["Test Admin", "unlock user", "Test Writer"], audit.Skip(1));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        // The first admin made at start-up must not count: disable it, leaving the signed-in Admin as the only one.
        using var firstDisabled = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string>(), "tr[data-user='admin@quettavoice.local'] form.disable-form");
        var me = (await admin.GetDocumentAsync("/admin/users")).QuerySelectorAll("tr[data-user]").First(r => r.GetAttribute("data-user")!.StartsWith("admin-", StringComparison.Ordinal));
        var email = me.GetAttribute("data-user")!;

        using var demoted = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/users"), new Dictionary<string, string> { ["role"] = Roles.Writer }, $"tr[data-user='{email}'] form.role-form");

        Assert.Contains("needs at least one Admin", (await admin.GetDocumentAsync("/admin/users")).One(".notice").Text());
        Assert.Equal("Admin", (await RowOfAsync(email)).One("select option[selected]").Text());
    }
}
