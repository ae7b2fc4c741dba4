using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Tests.Rendering;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("*Not emphasis* and _not either_ and **nor this**.")]
    [InlineData("1. Not a list item, a sentence about the year 1.")]
    [InlineData("1986. A year Quetta remembers.")]
    [InlineData("# Not a heading")]
    [InlineData("- Not a bullet")]
    [InlineData("+ Not a bullet either")]
    [InlineData("> Not a quotation")]
    [InlineData("<b>Not bold</b> and <script>alert(1)</script>")]
    [InlineData("[Not a link](report.html) and ![not an image](x.png)")]
    [InlineData("Prices rose 5% & fell; &amp; is not an entity here, nor &#169;.")]
    [InlineData("A table? | no | way |")]
    [InlineData("`not code` and a back\\slash")]
    [InlineData("---")]
    [InlineData("~~~")]
    [InlineData("===")]
    [InlineData("He said “no” — twice – and Pakistan's claim.")]
    public void Escaped_plain_text_renders_back_to_exactly_itself(string text)
    {
        var html = new StoryRenderer().Render(MarkdownText.Escape(text)).Value!;

        var paragraph = Html.Parse(html).Body!.One("p");
        Assert.Equal(text, paragraph.TextContent);
        Assert.Empty(paragraph.Children);
    }
}
