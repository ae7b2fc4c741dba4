using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Tests.Pages.Admin;

/// <summary>
/// Every admin page and every handler on it, found from the site's own routes rather than a list someone
/// must remember to update: a page added tomorrow is checked too.
/// </summary>
public sealed partial class AdminSweepTests : SiteTest
{
    private List<string> AdminRoutes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(r => r.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || r.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            // As the site writes its addresses: one asked in capitals first moves to this (see LowerCaseAddresses).
            .Select(r => "/" + RouteParameter().Replace(r.TrimStart('/'), "1").ToLowerInvariant())
            .Distinct()
            .ToList();

    [Fact]
    public async Task Every_admin_route_sends_an_anonymous_visitor_to_sign_in_for_get_and_post()
    {
        var routes = AdminRoutes();
        Assert.True(routes.Count >= 12, $"only {routes.Count} admin routes found: {string.Join(", ", routes)}");
        var visitor = App.CreateReader();

        foreach (var route in routes)
        {
            using var get = await visitor.GetAsync(route);
            using var post = await visitor.PostAsync(route + "?handler=Publish", new FormUrlEncodedContent([]));

            Assert.True(get.StatusCode == HttpStatusCode.Redirect && get.Headers.Location!.AbsolutePath == "/account/login", $"GET {route} answered {(int)get.StatusCode}");
            Assert.True(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.AbsolutePath == "/account/login", $"POST {route} answered {(int)post.StatusCode}");
        }
    }

    public static TheoryData<string, string, string> Handlers() => new()
    {
        // route, handler, the roles allowed to use it (others must get 403)
        { "/admin/articles/new", "Publish", "Editor Admin" },
        { "/admin/articles/1/edit", "Publish", "Editor Admin" },
        { "/admin/articles/1/edit", "Unpublish", "Editor Admin" },
        { "/admin/articles/1/edit", "Trash", "Editor Admin" },
        { "/admin/articles/1/edit", "Restore", "Editor Admin" },
        { "/admin/articles/1/edit", "Save", "Editor Admin" },
        { "/admin/articles/new", "Save", "Writer Editor Admin" },
        { "/admin/articles/1/revisions", "Restore", "Editor Admin" },
        { "/admin/users", "Role", "Admin" },
        { "/admin/users", "Disable", "Admin" },
        { "/admin/users/new", "", "Admin" },
        { "/admin/authors/new", "", "Editor Admin" },
        { "/admin/sections", "", "Editor Admin" },
        { "/admin/tags", "Merge", "Editor Admin" },
        { "/admin/media", "", "Writer Editor Admin" },
        { "/admin/comments", "", "Moderator Editor Admin" },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Each_post_handler_refuses_every_role_it_is_not_for(string route, string handler, string allowed)
    {
        await App.WithDbAsync(db =>
        {
            db.Articles.Add(TestData.Article(TestData.Author("Desk"), headline: "A story someone else wrote"));
            return db.SaveChangesAsync();
        });

        foreach (var role in Roles.All)
        {
            var client = await App.SignInAsync(role);
            var token = (await client.GetDocumentAsync("/admin")).ValueOf("__RequestVerificationToken")!;
            var url = route + (handler.Length > 0 ? $"?handler={handler}" : "");

            using var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            if (allowed.Split(' ').Contains(role))
            {
                Assert.True(response.StatusCode != HttpStatusCode.Forbidden, $"{role} was refused POST {url}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} got {(int)response.StatusCode} for POST {url}, not 403");
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
