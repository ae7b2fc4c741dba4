using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Tests.Support;
using QuettaVoice.Web.Search;

namespace QuettaVoice.Tests.Search;

/// <summary>
/// Searches the page cache cannot answer take turns, so a crowd of them never holds up the rest of the site; one
/// search too many is asked, politely, to try again. Here one search may run and one may wait.
/// </summary>
public sealed class SearchTurnTests() : SiteTest(seed: true, settings: new Dictionary<string, string>
{
    ["Search:Running"] = "1",
    ["Search:Waiting"] = "1",
})
{
    private const string Typed = "gwadar \"deep-sea port\"";

    [Fact]
    public async Task A_search_waits_for_its_turn_while_the_site_answers_and_one_too_many_is_asked_to_try_again()
    {
        var gate = App.Services.GetRequiredService<SearchGate>();
        var reader = App.CreateReader();
        Task<HttpResponseMessage> waiting;

        // Another reader's search holds the only turn.
        using (var running = await gate.WaitForTurnAsync(CancellationToken.None))
        {
            Assert.True(running.IsAcquired);
            waiting = reader.GetAsync("/search?q=Taliban+recognition");
            await UntilAsync(() => gate.Waiting == 1);
            Assert.False(waiting.IsCompleted);

            // The front page, the story and an empty search box need no turn.
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Seed.Permalink)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/search")).StatusCode);

            using var turnedAway = await reader.GetAsync("/search?q=" + Uri.EscapeDataString(Typed));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), turnedAway.Headers.RetryAfter?.Delta);
            var page = await turnedAway.ParseAsync();
            Assert.Equal("Search is busy just now: many readers are searching at once. Please try again in a few seconds.", page.One("p.calm[role=status]").Text());
            Assert.Equal(Typed, page.One("#search-q").GetAttribute("value"));
            Assert.Empty(page.QuerySelectorAll(".search-results"));
            Assert.False(waiting.IsCompleted);
        }

        // The turn is free: the waiting search runs and finds the story.
        using var answered = await waiting;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(Seed.Headline, (await answered.ParseAsync()).One(".search-results .card-headline a").Text());

        // The reader turned away, trying again, is answered: the refusal was not kept by the page cache.
        using var again = await reader.GetAsync("/search?q=" + Uri.EscapeDataString(Typed));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, gate.Waiting);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var wait = 0; wait < 100 && !condition(); wait++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the search never started waiting for its turn");
    }
}
