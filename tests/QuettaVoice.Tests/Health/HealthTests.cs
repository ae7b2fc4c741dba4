using System.Net;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Tests.Support;

namespace QuettaVoice.Tests.Health;

/// <summary><c>/healthz</c>, as a load balancer or a monitor asks it.</summary>
public sealed class HealthTests : SiteTest
{
    [Fact]
    public async Task A_working_site_answers_healthy_and_is_never_cached()
    {
        using var response = await App.CreateReader().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy\nstore: Healthy\n", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "a health answer must never be cached");
    }

    [Fact]
    public async Task A_store_that_fails_makes_the_site_unhealthy_without_saying_why_to_outsiders()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(App.Database.DropStoriesSql));

        using var response = await App.CreateReader().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy\nstore: Unhealthy\n", body);
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_makes_the_site_unhealthy()
    {
        // Nothing listens on port 1: the site still starts, and says what is wrong.
        await using var app = new TestApp(seed: false, settings: new Dictionary<string, string> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,asyncTimeout=300,syncTimeout=300" });

        using var response = await app.CreateReader().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy\nredis: Unhealthy\nstore: Healthy\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_still_lets_readers_read()
    {
        // The page cache lives in Redis: while it is down, pages are made for every reader and kept for none, and
        // no reader waits for Redis to answer (here it would be given 20 s).
        await using var app = new TestApp(seed: true, settings: new Dictionary<string, string> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,asyncTimeout=20000,syncTimeout=20000" });
        using var warm = await app.CreateReader().GetAsync("/healthz");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var front = await app.CreateReader().GetAsync("/");
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.Contains(Seed.Headline, await front.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the front page took {clock.Elapsed.TotalSeconds:0.0} s with Redis down");
    }
}
