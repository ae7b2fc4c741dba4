using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Russia has officially recognized the Taliban-led government", "russia-has-officially-recognized-the-taliban-led-government")]
    [InlineData("Balochistan’s out-of-school children: 3.1 million", "balochistans-out-of-school-children-3-1-million")]
    [InlineData("Café in Quetta — “open” again!", "cafe-in-quetta-open-again")]
    [InlineData("کوئٹہ", "story")]
    public void Slugs_are_lower_case_ascii_words_joined_by_hyphens(string headline, string slug) =>
        Assert.Equal(slug, Slug.From(headline));

    [Fact]
    public void A_long_slug_is_cut_between_words()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("education", 20)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("education", slug);
    }

    [Fact]
    public void A_taken_slug_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "budget", "budget-2" };

        Assert.Equal("budget-3", Slug.Unique("budget", taken.Contains));
        Assert.Equal("schools", Slug.Unique("schools", taken.Contains));
    }

    [Theory]
    [InlineData("Out-of-school children", "out-of-school-children")] // Latin letters: as for a headline
    [InlineData("تعلیم", "تعلیم")]
    [InlineData("صحت عامہ", "صحت-عامہ")] // words joined by a hyphen
    [InlineData("???", "tag")] // nothing to make an address of
    public void A_name_in_any_script_has_an_address_of_its_own_letters(string name, string slug) =>
        Assert.Equal(slug, Slug.ForName(name, fallback: "tag"));
}
