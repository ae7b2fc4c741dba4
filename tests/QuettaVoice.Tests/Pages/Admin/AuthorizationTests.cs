using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>Every admin route, for every kind of visitor: who gets in, who is sent to sign in, who is refused.</summary>
public sealed class AuthorizationTests(SharedSite site) : IClassFixture<SharedSite>
{
    private TestApp App => site.App;

    private const string Anonymous = "anonymous";

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        var everyone = new[] { Anonymous, Roles.Writer, Roles.Moderator, Roles.Editor, Roles.Admin };
        // Which signed-in roles may open each route; the others get 403, anonymous visitors are sent to sign in.
        var routes = new Dictionary<string, string[]>
        {
            ["/admin"] = Roles.All.ToArray(),
            ["/admin/articles"] = [Roles.Writer, Roles.Editor, Roles.Admin],
            ["/admin/articles/new"] = [Roles.Writer, Roles.Editor, Roles.Admin],
            ["/admin/authors"] = [Roles.Editor, Roles.Admin],
            ["/admin/authors/new"] = [Roles.Editor, Roles.Admin],
            ["/admin/sections"] = [Roles.Editor, Roles.Admin],
            ["/admin/tags"] = [Roles.Editor, Roles.Admin],
            ["/admin/comments"] = [Roles.Moderator, Roles.Editor, Roles.Admin],
            ["/admin/audit"] = [Roles.Admin],
            ["/admin/users"] = [Roles.Admin],
            ["/admin/users/new"] = [Roles.Admin],
            ["/admin/media"] = [Roles.Writer, Roles.Editor, Roles.Admin],
        };
        foreach (var (url, allowed) in routes)
        {
            foreach (var who in everyone)
            {
                data.Add(url, who, who == Anonymous ? HttpStatusCode.Redirect : allowed.Contains(who) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_admin_route_answers_each_visitor_as_it_should(string url, string who, HttpStatusCode expected)
    {
        var client = who == Anonymous ? App.CreateReader() : await App.SignInAsync(who);

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }
}
