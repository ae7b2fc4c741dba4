using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Rendering;

namespace QuettaVoice.Tests.Rendering;

public sealed class StoryRendererTests
{
    private readonly StoryRenderer renderer = new();

    [Fact]
    public void Markdown_becomes_paragraphs_emphasis_and_links()
    {
        var body = Html.Parse(renderer.Render("A *bold* claim.\n\nSee [the report](https://example.org/report).").Value!).Body!;

        Assert.Equal(2, body.QuerySelectorAll("p").Length);
        Assert.Equal("bold", body.One("em").TextContent);
        Assert.Equal("https://example.org/report", body.One("a").GetAttribute("href"));
    }

    [Theory]
    [InlineData(">", 5000)]
    [InlineData("[", 20000)]
    public void A_text_nested_past_what_markdown_reads_is_shown_as_written_and_refused_by_the_forms(string mark, int count)
    {
        var text = new string(mark[0], count) + " x";

        Assert.True(StoryRenderer.IsTooDeep(text));
        Assert.Equal(text, Html.Parse(renderer.Render(text).Value!).Body!.One("p").TextContent);
        Assert.StartsWith(new string(mark[0], 10), StoryRenderer.Teaser(text), StringComparison.Ordinal);
        Assert.Equal(StoryRenderer.TooDeepMessage, new PicturesInText().RefusalOf(text));
        Assert.False(StoryRenderer.IsTooDeep("> A quote\n>> in a quote"));
    }

    [Theory]
    [InlineData("The provincial government will allocate more to schools an", "The provincial government will allocate more to schools…")]
    [InlineData("Funds go to schools, says [the development", "Funds go to schools, says…")]
    [InlineData("Funds go to schools, says [the development plan](https://example.org/plans/balochistan-2025", "Funds go to schools, says…")]
    [InlineData("Funds go to [the plan](https://example.org/plan) and more of", "Funds go to the plan and more…")]
    [InlineData("A whole first paragraph.\n\nAnd the start of a sec", "A whole first paragraph.")]
    [InlineData("A whole first paragraph.\n\nAnd", "A whole first paragraph.")] // cut in the next paragraph's first word
    [InlineData("Intro para.\n## Heading\nMore text that goes on and", "Intro para.")] // a heading follows it
    [InlineData("The budget includes:\n- schools\n- clin", "The budget includes:")] // a list follows it
    public void A_teaser_of_a_texts_start_leaves_out_a_cut_word_or_link_and_says_the_paragraph_goes_on(string start, string teaser) =>
        Assert.Equal(teaser, StoryRenderer.Teaser(start, isStartOfLonger: true));

    [Fact]
    public void A_teaser_of_a_whole_short_text_is_its_first_paragraph_as_it_is() =>
        Assert.Equal("Funds go to the plan.", StoryRenderer.Teaser("Funds go to [the plan](https://example.org/plan).\n\nMore."));

    [Fact]
    public void A_first_level_heading_in_a_text_moves_down_a_level_with_those_under_it_so_the_headline_stays_the_one_h1()
    {
        var body = Html.Parse(renderer.Render("# The budget\n\nTabled on Monday.\n\n## Education\n\nMore for schools.").Value!).Body!;
        var asWritten = Html.Parse(renderer.Render("## Education\n\nMore for schools.").Value!).Body!;

        Assert.Empty(body.QuerySelectorAll("h1"));
        Assert.Equal("The budget", body.One("h2").TextContent);
        Assert.Equal("Education", body.One("h3").TextContent);
        Assert.Equal("Education", asWritten.One("h2").TextContent);
    }

    [Fact]
    public void A_picture_from_outside_the_library_is_a_link_to_it_and_is_not_fetched_with_the_page()
    {
        var body = Html.Parse(renderer.Render(
            "The lake at dawn.\n\n![Boats on Hanna Lake](https://example.org/hanna.jpg)\n\n![](https://example.org/dam.jpg) ![Script](javascript:alert(1))").Value!).Body!;

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal(
            [("https://example.org/hanna.jpg", "Picture: Boats on Hanna Lake"), ("https://example.org/dam.jpg", "Picture")],
            body.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)));
        Assert.EndsWith("Picture Picture: Script", body.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_from_outside_the_library_inside_a_link_leaves_the_link_whole()
    {
        var body = Html.Parse(renderer.Render("[![The report's cover](https://example.org/cover.jpg)](https://example.org/report)").Value!).Body!;

        var link = body.One("a");
        Assert.Equal(("https://example.org/report", "Picture: The report's cover"), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public void The_pictures_outside_the_library_are_named_once_each_in_the_order_they_are_written()
    {
        var outside = new PicturesInText().OutsideLibrary(
            "![A](https://example.org/a.jpg) and ![B][b], ![A again](https://example.org/a.jpg), [a link](https://example.org/c.jpg).\n\n[b]: /media/b.jpg");

        Assert.Equal(["https://example.org/a.jpg", "/media/b.jpg"], outside);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_in_markdown_is_shown_as_text_never_run(string markdown)
    {
        var body = Html.Parse(renderer.Render(markdown).Value!).Body!;

        Assert.Empty(body.QuerySelectorAll("script, img, iframe, a"));
        Assert.Equal(markdown, body.TextContent.Trim());
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void Links_with_dangerous_schemes_lose_their_target(string markdown)
    {
        var body = Html.Parse(renderer.Render(markdown).Value!).Body!;

        foreach (var link in body.QuerySelectorAll("a"))
        {
            var href = link.GetAttribute("href") ?? "";
            Assert.DoesNotContain(":", href.Split('/')[0].Replace("https:", "").Replace("http:", ""));
        }
    }

    [Fact]
    public void The_dateline_opens_the_first_paragraph_encoded()
    {
        var body = Html.Parse(renderer.RenderBody("First paragraph.\n\nSecond.", "<QUETTA>").Value!).Body!;

        var first = body.QuerySelectorAll("p")[0];
        Assert.Equal("<QUETTA> – First paragraph.", first.TextContent);
        Assert.Equal("<QUETTA>", first.One(".dateline").TextContent);
    }

    [Fact]
    public void A_story_refiled_from_elsewhere_shows_its_new_dateline_and_the_same_text_without_one()
    {
        const string text = "Schools in Zhob reopened on Monday.\n\nSecond.";

        var first = renderer.RenderBody(text, "ZHOB").Value!;
        var refiled = renderer.RenderBody(text, "LORALAI").Value!;
        var without = renderer.RenderBody(text, null).Value!;

        Assert.Equal("ZHOB", Html.Parse(first).Body!.One(".dateline").TextContent);
        Assert.Equal("LORALAI", Html.Parse(refiled).Body!.One(".dateline").TextContent);
        Assert.Empty(Html.Parse(without).Body!.QuerySelectorAll(".dateline"));
        Assert.Equal("Schools in Zhob reopened on Monday.", Html.Parse(without).Body!.QuerySelectorAll("p")[0].TextContent);
    }
}
