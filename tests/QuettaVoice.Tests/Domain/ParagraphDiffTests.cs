using static QuettaVoice.Web.Domain.ParagraphDiff;

namespace QuettaVoice.Tests.Domain;

public sealed class ParagraphDiffTests
{
    [Fact]
    public void Kept_removed_and_added_paragraphs_come_in_reading_order()
    {
        var lines = Compare("One.\n\nTwo.\n\nThree.", "One.\n\nTwo and a half.\n\nThree.\n\nFour.");

        Assert.Equal(
            [new Line(Change.Same, "One."), new Line(Change.Removed, "Two."), new Line(Change.Added, "Two and a half."), new Line(Change.Same, "Three."), new Line(Change.Added, "Four.")],
            lines);
    }

    [Fact]
    public void Identical_texts_have_no_changes_whatever_their_line_ends() =>
        Assert.All(Compare("One.\r\n\r\nTwo.", "One.\n\nTwo."), line => Assert.Equal(Change.Same, line.Change));

    [Fact]
    public void Everything_is_added_to_an_empty_text() =>
        Assert.Equal([new Line(Change.Added, "New.")], Compare("", "New."));
}
