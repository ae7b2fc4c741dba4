using QuettaVoice.Web.Domain;

namespace QuettaVoice.Tests.Domain;

public sealed class SiteOptionsTests
{
    [Theory]
    [InlineData("https://quettavoice.com", "/2025/07/03/story", "https://quettavoice.com/2025/07/03/story")]
    [InlineData("https://quettavoice.com/", "/feed", "https://quettavoice.com/feed")]
    [InlineData("https://example.org/news/", "feed", "https://example.org/news/feed")]
    public void Absolute_urls_join_the_base_address_and_the_path_with_one_slash(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, new SiteOptions { BaseUrl = baseUrl }.AbsoluteUrl(path));

    [Theory]
    [InlineData("quettavoice.com", false)]
    [InlineData("ftp://quettavoice.com", false)]
    [InlineData("", false)]
    [InlineData("https://quettavoice.com", true)]
    public void Only_an_absolute_web_address_is_accepted_as_the_base(string baseUrl, bool accepted) =>
        Assert.Equal(accepted, new SiteOptions { BaseUrl = baseUrl }.HasAbsoluteBaseUrl());
}
