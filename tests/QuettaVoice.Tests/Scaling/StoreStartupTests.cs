using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QuettaVoice.Web.Health;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Tests.Scaling;

/// <summary>
/// The server listens while the store comes up, so requests in that window wait for it. The site's own test host
/// starts only once the store is up, so the window is opened here on a bare server with the same middleware.
/// </summary>
public sealed class StoreStartupTests : IAsyncDisposable
{
    private readonly TaskCompletionSource storeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? server;

    /// <summary>
    /// A bare server with the site's middleware. Only the test of a wait that runs out shortens it: on a busy
    /// machine a short wait can run out before a test moves on, whatever it is testing.
    /// </summary>
    private async Task<HttpClient> StartAsync(TimeSpan? longestWait = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new StoreStartup(() => storeUp.Task));
        server = builder.Build();
        server.UseStoreStartup(longestWait);
        server.MapGet("/", () => "front page");
        server.MapGet(HealthServices.Path, () => "Healthy");
        await server.StartAsync();
        return server.GetTestClient();
    }

    [Fact]
    public async Task A_request_made_while_the_store_comes_up_is_answered_once_it_is_up()
    {
        var client = await StartAsync();

        var waiting = client.GetAsync("/");
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        storeUp.SetResult();
        using var response = await waiting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("front page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_that_would_wait_too_long_hears_not_yet_and_when_to_try_again()
    {
        var client = await StartAsync(longestWait: TimeSpan.FromMilliseconds(300));

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.StartsWith("Starting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_says_not_yet_at_once_and_healthy_once_the_store_is_up()
    {
        var client = await StartAsync();

        var started = DateTime.UtcNow;
        using var starting = await client.GetAsync(HealthServices.Path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.True(DateTime.UtcNow - started < StoreStartupMiddleware.LongestWait / 2, "the health check waited for the store");

        storeUp.SetResult();
        // The health check does not wait: it asks once the site has seen the store come up, as a monitor would a moment later.
        await server!.Services.GetRequiredService<StoreStartup>().Ready;
        using var up = await client.GetAsync(HealthServices.Path);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task A_store_that_cannot_be_brought_up_fails_the_request()
    {
        var client = await StartAsync();
        storeUp.SetException(new InvalidOperationException("The store is on a read-only disk."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
