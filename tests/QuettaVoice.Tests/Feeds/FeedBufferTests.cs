using System.Collections.Concurrent;
using System.Net;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Feeds;

/// <summary>A feed is put together in memory: on a busy server, a temporary file for every feed read was disk work for nothing.</summary>
[Collection(Solo.Name)]
public sealed class FeedBufferTests() : SiteTest(seed: true)
{
    /// <summary>What ASP.NET Core keeps in memory before it spills a buffered response to a temporary file.</summary>
    private const int DefaultMemoryThreshold = 32 * 1024;

    [Fact]
    public async Task A_feed_of_twenty_full_stories_is_written_without_a_temporary_file()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 40).Select(i =>
            $"Paragraph {i}: enrolment in Quetta's government schools rose again this year, the education department said."));
        await App.WithDbAsync(async db =>
        {
            var author = TestData.Author();
            db.Articles.AddRange(Enumerable.Range(1, 20).Select(_ => TestData.Article(author, body: body)));
            await db.SaveChangesAsync();
        });
        // ASP.NET Core's buffers spill where its own temporary files go, as ASPNETCORE_{guid}.tmp: on Linux a
        // file made under another name and renamed to that.
        var temp = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath();
        var created = new ConcurrentQueue<string>();
        using var watcher = new FileSystemWatcher(temp, "ASPNETCORE_*") { EnableRaisingEvents = true };
        watcher.Created += (_, e) => created.Enqueue(e.Name ?? "");
        watcher.Renamed += (_, e) => created.Enqueue(e.Name ?? "");

        using var response = await App.CreateReader().GetAsync("/feed");
        var xml = await response.Content.ReadAsStringAsync();

        // The watcher reports files in the order they were made: once it reports one made after the feed was
        // read, it has reported any the feed made.
        var marker = $"ASPNETCORE_marker_{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(temp, marker), "");
        File.Delete(Path.Combine(temp, marker));
        for (var waited = 0; !created.Contains(marker) && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(xml.Length > DefaultMemoryThreshold, $"the feed is only {xml.Length} characters: too small to spill anyway");
        Assert.Equal([marker], created.ToArray());
    }
}
