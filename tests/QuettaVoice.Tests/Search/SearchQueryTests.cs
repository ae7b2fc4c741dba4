using QuettaVoice.Web.Search;

namespace QuettaVoice.Tests.Search;

public sealed class SearchQueryTests
{
    private static string Fts(string input) => SqliteSearchIndex.MatchExpression(SearchQuery.Parse(input));

    [Theory]
    [InlineData("taliban recognition", "\"taliban\" AND \"recognition\"")]
    [InlineData("\"Taliban government\" Moscow", "\"Taliban government\" AND \"Moscow\"")]
    [InlineData("Russia OR China", "(\"Russia\" OR \"China\")")]
    [InlineData("educat*", "\"educat\" *")]
    [InlineData("Taliban -Russia", "(\"Taliban\") NOT (\"Russia\")")]
    [InlineData("U.S. sanctions", "\"U S\" AND \"sanctions\"")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("NEAR(a b) AND title:x", "\"NEAR a\" AND \"b\" AND \"AND\" AND \"title x\"")]
    [InlineData("'; DROP TABLE Articles; --", "\"DROP\" AND \"TABLE\" AND \"Articles\"")]
    [InlineData("تعلیم بلوچستان", "\"تعلیم\" AND \"بلوچستان\"")]
    public void Whatever_is_typed_becomes_quoted_words_joined_only_by_the_operators_the_index_writes(string input, string expected) =>
        Assert.Equal(expected, Fts(input));

    [Theory]
    [InlineData("taliban recognition", "'taliban' & 'recognition'", "")]
    [InlineData("\"Taliban government\" Moscow", "'Taliban' <-> 'government' & 'Moscow'", "")]
    [InlineData("Russia OR \"New Delhi\" Taliban", "('Russia' | 'New' <-> 'Delhi') & 'Taliban'", "")]
    [InlineData("educat* U.S*", "'educat':* & 'U' <-> 'S':*", "")]
    [InlineData("Taliban -Russia -U.S.", "'Taliban'", "'Russia' | 'U' <-> 'S'")]
    [InlineData("'; DROP TABLE Articles; --", "'DROP' & 'TABLE' & 'Articles'", "")]
    [InlineData("a:b & c | !d <-> e\\ 'f' *", "'a' <-> 'b' & 'c' & 'd' & 'e' & 'f'", "")]
    public void Whatever_is_typed_becomes_quoted_tsquery_words_joined_only_by_the_operators_the_index_writes(string input, string wanted, string unwanted)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(wanted, PostgresSearchIndex.Wanted(query));
        Assert.Equal(unwanted, PostgresSearchIndex.Unwanted(query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("*** ??? !!!")]
    [InlineData("OR OR")]
    [InlineData("-alone")]
    public void A_query_with_nothing_to_look_for_is_empty(string? input) =>
        Assert.True(SearchQuery.Parse(input).IsEmpty);

    [Fact]
    public void A_very_long_query_is_cut_to_a_bounded_number_of_characters_and_terms()
    {
        var query = SearchQuery.Parse(string.Concat(Enumerable.Repeat("water ", 1000)));

        Assert.True(query.Text.Length <= SearchQuery.MaxLength);
        Assert.Equal(SearchQuery.MaxTerms, query.AllOf.Count);
    }

    [Fact]
    public void A_cut_never_leaves_half_a_character_behind()
    {
        var query = SearchQuery.Parse(new string('a', SearchQuery.MaxLength - 1) + "😀😀");

        Assert.False(char.IsHighSurrogate(query.Text[^1]));
    }
}
