using System.Text.Encodings.Web;
using System.Text.Unicode;
using QuettaVoice.Web.Accounts;

namespace QuettaVoice.Web.Pages;

public static class PagesServices
{
    /// <summary>Razor Pages with the old site's paging addresses (<c>/page/2</c>, <c>/author/x/page/2</c>...).</summary>
    public static IServiceCollection AddNewsPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Index", "page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Authors/Show", "author/{slug}/page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Sections/Show", "category/{slug}/page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Tags/Show", "tag/{slug}/page/{pageNumber:int}");
            // Page 0 or below is no page: answered before any search runs (PostgreSQL refuses a negative offset).
            options.Conventions.AddPageRoute("/Search/Index", "search/page/{pageNumber:int:min(1)}");
            options.Conventions.AddPageRoute("/Articles/Show", "{year:int:min(1000)}/{month:int:range(1,12)}/{day:int:range(1,31)}/{slug}/comment-page-{commentPage:int}");
            options.Conventions.AddPageRoute("/Archives/Show", "{year:int:range(1000,9998)}/page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Archives/Show", "{year:int:range(1000,9998)}/{month:int:range(1,12)}/page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Archives/Show", "{year:int:range(1000,9998)}/{month:int:range(1,12)}/{day:int:range(1,31)}/page/{pageNumber:int}");
            options.Conventions.AddPageRoute("/Admin/Articles/Edit", "admin/articles/new");
            options.Conventions.AddPageRoute("/Admin/Authors/Edit", "admin/authors/new");

            // The newsroom: one convention covers every page and handler of the folder.
            options.Conventions.AuthorizeFolder("/Admin", Policies.Newsroom);
            options.Conventions.AuthorizeFolder("/Admin/Articles", Policies.Writers);
            options.Conventions.AuthorizeFolder("/Admin/Authors", Policies.Editors);
            options.Conventions.AuthorizeFolder("/Admin/Sections", Policies.Editors);
            options.Conventions.AuthorizeFolder("/Admin/Tags", Policies.Editors);
            options.Conventions.AuthorizeFolder("/Admin/Media", Policies.Writers);
            options.Conventions.AuthorizeFolder("/Admin/Comments", Policies.Moderators);
            options.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admins);
            options.Conventions.AuthorizeFolder("/Admin/Audit", Policies.Admins);
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new PasswordChangeRequiredFilter()));
            options.Conventions.AuthorizePage("/Account/ChangePassword");
            options.Conventions.ConfigureFilter(new UnansweredMethodFilter());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        // Razor still escapes markup characters; this only stops it spelling every dash, curly quote
        // and Urdu letter as a numeric entity, which made pages larger and harder to read.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
