using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Import;

namespace QuettaVoice.Tests.Import;

public sealed class PlainTextStoryTests
{
    [Fact]
    public void Seed_story_yields_its_caption_byline_dateline_seven_paragraphs_and_bio()
    {
        var story = PlainTextStory.Parse(Seed.Text)!;

        Assert.Equal("Screenshot", story.ImageCaption);
        Assert.Equal("Monitoring Desk", story.Byline);
        Assert.Equal("MOSCOW", story.Dateline);
        Assert.Equal(Seed.Paragraphs, story.Paragraphs);
        Assert.StartsWith(Seed.BioStart, story.AuthorBio);
        Assert.EndsWith("climate change and other key sectors.", story.AuthorBio);
    }

    [Fact]
    public void Page_furniture_is_dropped_wherever_it_stands()
    {
        var story = PlainTextStory.Parse("""
            QUETTA: Schools reopened on Monday after the winter break.

            Share this:

            Click to share on Facebook (Opens in new window)

            Teachers said attendance was low.

            Related

            Leave a Reply
            Your email address will not be published. Required fields are marked *
            """)!;

        Assert.Equal(["Schools reopened on Monday after the winter break.", "Teachers said attendance was low."], story.Paragraphs);
        Assert.Null(story.AuthorBio);
    }

    [Fact]
    public void Windows_line_ends_a_byte_order_mark_non_breaking_spaces_and_no_final_newline_read_the_same()
    {
        var unix = PlainTextStory.Parse(Seed.Text);
        var saved = Seed.Text.Replace("MOSCOW – In a historic", "MOSCOW\u00A0–\u00A0In a\u00A0historic").Replace("\n", "\r\n").TrimEnd();
        Assert.Contains('\u00A0', saved);
        var windows = PlainTextStory.Parse("\uFEFF" + saved + "  \r\n\r\n");

        Assert.NotNull(windows);
        Assert.Equal(unix!.Paragraphs, windows.Paragraphs);
        Assert.Equal(unix.Byline, windows.Byline);
        Assert.Equal(unix.Dateline, windows.Dateline);
        Assert.Equal(unix.AuthorBio, windows.AuthorBio);
    }

    [Theory]
    [InlineData("Editorial : In a major development, the cabinet met.", "Editorial", "In a major development, the cabinet met.")]
    [InlineData("Our Correspondent: Budget is to be tabled on Friday.", "Our Correspondent", "Budget is to be tabled on Friday.")]
    [InlineData("Staff Reporter: QUETTA – Budget is to be tabled.", "Staff Reporter", "Budget is to be tabled.")]
    public void A_byline_at_the_start_of_the_first_paragraph_is_taken_out_of_it(string firstParagraph, string byline, string rest)
    {
        var story = PlainTextStory.Parse(firstParagraph + "\n\nA second paragraph.")!;

        Assert.Equal(byline, story.Byline);
        Assert.Equal(rest, story.Paragraphs[0]);
    }

    [Theory]
    [InlineData("MOSCOW – In a historic move.", "MOSCOW", "In a historic move.")]
    [InlineData("QUETTA: The provincial assembly met.", "QUETTA", "The provincial assembly met.")]
    [InlineData("DERA MURAD JAMALI — Floods hit the town.", "DERA MURAD JAMALI", "Floods hit the town.")]
    [InlineData("GWADAR - The port reopened.", "GWADAR", "The port reopened.")]
    [InlineData("Turbat – Teachers protested.", "Turbat", "Teachers protested.")]
    public void A_dateline_opening_the_first_paragraph_is_kept_apart_and_not_repeated(string firstParagraph, string dateline, string rest)
    {
        var story = PlainTextStory.Parse(firstParagraph)!;

        Assert.Equal(dateline, story.Dateline);
        Assert.Equal(rest, story.Paragraphs[0]);
    }

    [Theory]
    [InlineData("Taliban-led forces entered the city.")]
    [InlineData("UN-backed schools opened in Zhob.")]
    [InlineData("In Quetta, teachers protested.")]
    [InlineData("Balochistan — the country's largest province — has the most out-of-school children.")]
    [InlineData("Imran Khan – the former prime minister – said he would appeal.")]
    public void A_first_paragraph_without_a_dateline_is_left_whole(string firstParagraph)
    {
        var story = PlainTextStory.Parse(firstParagraph)!;

        Assert.Null(story.Dateline);
        Assert.Equal(firstParagraph, story.Paragraphs[0]);
    }

    [Fact]
    public void A_first_block_with_sentence_punctuation_is_a_paragraph_not_a_caption()
    {
        var story = PlainTextStory.Parse("Schools reopened.\n\nTeachers said attendance was low.")!;

        Assert.Null(story.ImageCaption);
        Assert.Equal(2, story.Paragraphs.Count);
    }

    [Fact]
    public void The_comment_form_and_related_posts_the_theme_printed_after_the_story_are_dropped()
    {
        var story = PlainTextStory.Parse("""
            QUETTA: Schools reopened on Monday.

            Like this:
            Like Loading...

            Related

            Teachers demand pay rise
            12 June 2025
            In "Balochistan"

            Leave a Reply Cancel reply
            Your email address will not be published. Required fields are marked *
            Comment *
            Name *
            Email *
            Website
            Save my name, email, and website in this browser for the next time I comment.
            Post Comment

            About the Author

            Covers education.

            Related posts

            Another headline
            """)!;

        Assert.Equal(["Schools reopened on Monday."], story.Paragraphs);
        Assert.Equal("Covers education.", story.AuthorBio);
    }

    [Theory]
    [InlineData("Posted in Turbat since 2019, the officer said he had seen no change.")]
    [InlineData("Filed under Section 302 of the PPC, the FIR names three suspects.")]
    [InlineData("Share on the provincial divisible pool rose by 4 percent.")]
    [InlineData("Website owners in Quetta say the outages cost them dearly.")]
    public void A_real_sentence_that_begins_like_furniture_is_kept(string paragraph)
    {
        var story = PlainTextStory.Parse("QUETTA: The story begins.\n\n" + paragraph)!;

        Assert.Equal(paragraph, story.Paragraphs[1]);
    }

    [Fact]
    public void A_caption_that_ends_in_a_full_stop_is_still_a_caption_when_a_byline_follows()
    {
        var story = PlainTextStory.Parse("CM Bugti chairs a meeting in Quetta on Monday.\n\nMonitoring Desk:\n\nQUETTA: The cabinet met.")!;

        Assert.Equal("CM Bugti chairs a meeting in Quetta on Monday.", story.ImageCaption);
        Assert.Equal("Monitoring Desk", story.Byline);
        Assert.Equal("QUETTA", story.Dateline);
        Assert.Equal(["The cabinet met."], story.Paragraphs);
    }

    [Fact]
    public void Curly_quotes_and_dashes_stay_as_written()
    {
        var story = PlainTextStory.Parse("He said “no” — twice – and left’s door open.")!;

        Assert.Equal("He said “no” — twice – and left’s door open.", story.Paragraphs[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("Screenshot\n\nMonitoring Desk:\n\nLeave a Reply\n\nAbout the Author\n\nA bio.")]
    public void Text_with_no_story_in_it_gives_nothing(string text) =>
        Assert.Null(PlainTextStory.Parse(text));
}
