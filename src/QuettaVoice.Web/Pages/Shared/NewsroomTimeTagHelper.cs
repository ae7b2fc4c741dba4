using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Pages.Shared;

/// <summary><c>&lt;time newsroom-utc="@utc"&gt;</c>: a UTC time shown in the newsroom's zone, machine-readable with its offset.</summary>
[HtmlTargetElement("time", Attributes = "newsroom-utc")]
public sealed class NewsroomTimeTagHelper(IOptions<SiteOptions> site) : TagHelper
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [HtmlAttributeName("newsroom-utc")]
    public DateTime Utc { get; set; }

    [HtmlAttributeName("date-only")]
    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var local = site.Value.NewsroomTime(Utc);
        output.Attributes.SetAttribute("datetime", local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        output.Content.SetContent(local.ToString(DateOnly ? "d MMMM yyyy" : "d MMMM yyyy, h:mm tt", English));
    }
}
