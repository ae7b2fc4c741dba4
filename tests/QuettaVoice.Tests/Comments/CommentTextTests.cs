using System.Net;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Comments;

public sealed class CommentTextTests
{
    [Fact]
    public void Paragraphs_and_addresses_become_html_and_everything_else_is_escaped()
    {
        var body = Html.Parse(CommentText.ToHtml("See https://quettavoice.example/report.\nThanks!\n\n<script>alert(1)</script> & <b>bold</b>").Value!).Body!;

        var paragraphs = body.QuerySelectorAll("p");
        Assert.Equal(2, paragraphs.Length);
        var link = paragraphs[0].One("a");
        Assert.Equal("https://quettavoice.example/report", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Single(paragraphs[0].QuerySelectorAll("br"));
        Assert.Empty(body.QuerySelectorAll("script, b"));
        Assert.Equal("<script>alert(1)</script> & <b>bold</b>", paragraphs[1].TextContent);
    }

    [Fact]
    public void Only_web_addresses_become_links()
    {
        var body = Html.Parse(CommentText.ToHtml("javascript:alert(1) and ftp://x.example and www.example.com").Value!).Body!;

        Assert.Empty(body.QuerySelectorAll("a"));
    }

    [Fact]
    public void An_address_is_hashed_with_a_key_so_equal_addresses_match_and_the_address_itself_is_not_stored()
    {
        using var folder = new TempFolder();
        var hasher = new IpHasher(new DataFolder(folder.Path));

        var once = hasher.Hash(IPAddress.Parse("203.0.113.7"));

        Assert.Equal(once, new IpHasher(new DataFolder(folder.Path)).Hash(IPAddress.Parse("203.0.113.7")));
        Assert.NotEqual(once, hasher.Hash(IPAddress.Parse("203.0.113.8")));
        Assert.DoesNotContain("203.0.113.7", once);
        Assert.Equal(64, once!.Length);
    }
}
