using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Comments;

public sealed class CommentTextTests
{
    /// <summary>The comment as the page writes it, with the site's encoder (every script left as it is).</summary>
    private static AngleSharp.Html.Dom.IHtmlElement Written(string text)
    {
        using var writer = new StringWriter();
        CommentText.ToHtml(text).WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));
        return Html.Parse(writer.ToString()).Body!;
    }

    [Fact]
    public void Paragraphs_and_addresses_become_html_and_everything_else_is_escaped()
    {
        var body = Written("See https://quettavoice.example/report.\nThanks!\n\n<script>alert(1)</script> & <b>bold</b>");

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
    public void Blank_lines_part_paragraphs_however_the_lines_end_and_spaces_at_their_edges_are_dropped()
    {
        var body = Written("\r\n  First line\r\nsecond line  \r\n\r\n\r\n\n   \n\nبلوچستان کے اسکول\n\n");

        Assert.Equal(["First line\nsecond line", "بلوچستان کے اسکول"], body.QuerySelectorAll("p").Select(p => p.InnerHtml.Replace("<br>", "\n")));
    }

    [Fact]
    public void Several_addresses_in_a_line_each_become_a_link_and_the_text_between_them_stays()
    {
        var line = Written("Read https://a.example/x, then https://b.example/y?q=1&r=2 (both).").One("p");

        Assert.Equal(["https://a.example/x", "https://b.example/y?q=1&r=2"], line.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Read https://a.example/x, then https://b.example/y?q=1&r=2 (both).", line.TextContent);
    }

    [Fact]
    public void Only_web_addresses_become_links()
    {
        var body = Written("javascript:alert(1) and ftp://x.example and www.example.com");

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
        Assert.Equal(["ip-hash.key"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder.Path, "ip-hash.key")));
        }
    }

    [Fact]
    public void Instances_starting_at_the_same_moment_hash_with_one_key()
    {
        var address = IPAddress.Parse("203.0.113.7");
        for (var round = 0; round < 300; round++)
        {
            using var folder = new TempFolder();
            using var start = new Barrier(2);
            var hashes = new string?[2];
            var instances = Enumerable.Range(0, 2).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                hashes[i] = new IpHasher(new DataFolder(folder.Path)).Hash(address);
            })).ToList();
            instances.ForEach(instance => instance.Start());
            instances.ForEach(instance => instance.Join());

            Assert.True(hashes[0] == hashes[1], $"two keys in round {round}");
        }
    }
}
