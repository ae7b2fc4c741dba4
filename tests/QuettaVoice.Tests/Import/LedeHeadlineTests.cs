using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Import;

namespace QuettaVoice.Tests.Import;

public sealed class LedeHeadlineTests
{
    [Fact]
    public void The_seed_lede_gives_its_news_without_the_scene_setting_opener() =>
        Assert.Equal(Seed.Headline, LedeHeadline.From(Seed.Paragraphs[0]));

    [Theory]
    [InlineData("The provincial government has announced free textbooks for every child in Balochistan's public schools from next year, the education minister said on Monday.")]
    [InlineData("Nearly three million children between the ages of five and sixteen remain out of school across the thirty-four districts of Balochistan according to a survey released today by the provincial education department")]
    [InlineData("Supercalifragilisticexpialidocious-style-compound-words-that-keep-going-and-going-without-any-spaces-at-all-for-many-characters here.")]
    [InlineData(Seed.BioStart)]
    public void A_derived_headline_fits_in_100_characters_and_never_cuts_a_word(string lede)
    {
        var headline = LedeHeadline.From(lede);

        Assert.InRange(headline.Length, 1, LedeHeadline.MaxLength);
        Assert.StartsWith(headline, lede, StringComparison.Ordinal);
        var next = lede[headline.Length];
        Assert.False(char.IsLetterOrDigit(next), $"'{headline}' stops inside a word of the lede");
    }

    [Fact]
    public void A_short_lede_sentence_is_the_headline_without_its_full_stop() =>
        Assert.Equal("Schools reopen in Quetta after the winter break", LedeHeadline.From("Schools reopen in Quetta after the winter break. Attendance was low."));

    [Theory]
    [InlineData("At least 12 people were killed when a bomb exploded in Quetta on Monday, police said.", "At least 12 people were killed when a bomb exploded in Quetta on Monday, police said")]
    [InlineData("As many as 500 schools remain closed, officials said.", "As many as 500 schools remain closed, officials said")]
    [InlineData("In Quetta, the provincial cabinet approved the budget for the coming year.", "The provincial cabinet approved the budget for the coming year")]
    public void An_opening_clause_is_dropped_only_when_the_news_is_in_the_next_one(string lede, string headline) =>
        Assert.Equal(headline, LedeHeadline.From(lede));

    [Theory]
    [InlineData("...")]
    [InlineData("— —")]
    public void A_lede_of_punctuation_still_gives_a_headline(string lede) =>
        Assert.Equal(lede, LedeHeadline.From(lede));

    [Fact]
    public void An_abbreviation_does_not_end_the_first_sentence() =>
        Assert.Equal("The U.S. envoy met the chief minister in Quetta", LedeHeadline.From("The U.S. envoy met the chief minister in Quetta. They discussed trade."));
}
