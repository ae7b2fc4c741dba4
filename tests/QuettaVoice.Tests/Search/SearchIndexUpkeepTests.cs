using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Tests.Search;

/// <summary>
/// Stories saved one at a time leave SQLite's search indexes in many segments, each a place every search looks; the
/// site merges them at night, and every story is still found after.
/// </summary>
public sealed class SearchIndexUpkeepTests() : SiteTest(seed: true)
{
    [SkippableFact]
    public async Task At_night_the_indexes_of_stories_saved_one_by_one_are_merged_and_every_story_is_still_found()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL keeps its own indexes; the merge is SQLite's.");
        for (var i = 1; i <= 60; i++)
        {
            var headline = $"Kalat wheat report {i}";
            await App.WithDbAsync(async db =>
            {
                db.Articles.Add(TestData.Article(await db.Authors.FirstAsync(), headline: headline));
                await db.SaveChangesAsync();
            });
        }

        Assert.True(await SegmentsAsync("ArticleSearch") > 1);

        // Up to a minute before the hour nothing is merged; at the hour, the index becomes one segment, as the headlines' is.
        var zone = App.Services.GetRequiredService<IOptions<SiteOptions>>().Value.FindTimeZone();
        App.Clock.Advance(SearchIndexUpkeep.UntilNext(App.Clock.GetUtcNow(), zone) - TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        Assert.True(await SegmentsAsync("ArticleSearch") > 1);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var wait = 0; wait < 100 && (await SegmentsAsync("ArticleSearch") > 1 || await SegmentsAsync("HeadlineSearch") > 1); wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, await SegmentsAsync("ArticleSearch"));
        Assert.Equal(1, await SegmentsAsync("HeadlineSearch"));
        var results = await App.CreateReader().GetDocumentAsync("/search?q=Kalat+wheat");
        Assert.Equal("60 stories match “Kalat wheat”", results.One("#results-heading").Text());
        Assert.Equal("Kalat wheat report 1", (await App.CreateReader().GetDocumentAsync("/search/page/6?q=Kalat+wheat")).QuerySelectorAll(".card-headline a")[^1].Text());
    }

    [Fact]
    public void The_next_merge_is_at_four_in_the_morning_newsroom_time()
    {
        var karachi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");

        Assert.Equal(TimeSpan.FromHours(1), SearchIndexUpkeep.UntilNext(new DateTimeOffset(2025, 7, 3, 3, 0, 0, TimeSpan.FromHours(5)), karachi));
        Assert.Equal(TimeSpan.FromHours(24), SearchIndexUpkeep.UntilNext(new DateTimeOffset(2025, 7, 3, 4, 0, 0, TimeSpan.FromHours(5)), karachi));
        Assert.Equal(TimeSpan.FromHours(6), SearchIndexUpkeep.UntilNext(new DateTimeOffset(2025, 7, 2, 17, 0, 0, TimeSpan.Zero), karachi));
    }

    /// <summary>
    /// The index's segments, as its structure record (row 10 of its data table) counts them: a 4-byte cookie, a 4-byte
    /// mark on indexes that may delete without their text (as the headlines'), then varints for the levels and the segments.
    /// </summary>
    private async Task<int> SegmentsAsync(string index)
    {
        var structure = await App.WithDbAsync(db => db.Database.SqlQueryRaw<byte[]>(index == "HeadlineSearch"
            ? "SELECT block AS Value FROM HeadlineSearch_data WHERE id = 10"
            : "SELECT block AS Value FROM ArticleSearch_data WHERE id = 10").SingleAsync());
        var at = structure.AsSpan(4, 4).SequenceEqual(new byte[] { 0xFF, 0x00, 0x00, 0x01 }) ? 8 : 4;
        ReadVarint(structure, ref at); // levels
        return (int)ReadVarint(structure, ref at);
    }

    /// <summary>SQLite's varint: seven bits a byte, most significant first, the high bit set on every byte but the last.</summary>
    private static long ReadVarint(byte[] bytes, ref int at)
    {
        long value = 0;
        byte next;
        do
        {
            next = bytes[at++];
            value = (value << 7) | (next & 0x7FL);
        }
        while (next >= 0x80);
        return value;
    }
}
