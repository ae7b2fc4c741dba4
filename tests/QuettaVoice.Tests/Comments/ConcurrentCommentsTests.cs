using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Comments;

/// <summary>A big story brings many readers at once: every comment they send must be stored exactly once.</summary>
public sealed class ConcurrentCommentsTests() : SiteTest(seed: true, settings: new Dictionary<string, string>
{
    // Every test client shares one address; the limits are tested elsewhere.
    ["Comments:PerMinute"] = "10000",
    ["Comments:PerHour"] = "10000",
})
{
    private const int Readers = 200;

    [Fact]
    public async Task Two_hundred_comments_posted_at_once_from_different_clients_are_all_stored_once()
    {
        var forms = await Task.WhenAll(Enumerable.Range(0, Readers).Select(async i =>
        {
            var client = App.CreateReader();
            return (Client: client, Page: await client.GetDocumentAsync(Seed.Permalink), Number: i);
        }));

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Page, new Dictionary<string, string>
        {
            ["Reply.Body"] = $"Comment from reader {f.Number}.",
            ["Reply.Name"] = $"Reader {f.Number}",
            ["Reply.Email"] = $"reader{f.Number}@example.pk",
        }, "form.comment-form")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var bodies = await App.WithDbAsync(db => db.Comments.Select(c => c.Body).ToListAsync());
        Assert.Equal(Readers, bodies.Count);
        Assert.Equal(Enumerable.Range(0, Readers).Select(i => $"Comment from reader {i}.").Order(), bodies.Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
