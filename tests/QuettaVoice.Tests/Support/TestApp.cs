using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Tests.Support;

/// <summary>
/// The real site over real HTTP, on a store of its own (see <see cref="TestDatabase"/>) and its own data folder,
/// with a clock the test moves.
/// By default it starts like a fresh install and imports the seed story; <c>seed: false</c> starts empty.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    /// <summary>Thursday 3 July 2025, 14:00 in Quetta: the day Russia recognised the Taliban government.</summary>
    public static readonly DateTimeOffset Start = new(2025, 7, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly bool seed;
    private readonly string environment;
    private readonly IReadOnlyDictionary<string, string> settings;

    private readonly bool ownsStore;

    // settings: configuration for this site only, over the defaults in ConfigureWebHost.
    // provider: the engine this site's store must be on, whatever the suite runs on (see TestDatabase).
    // emptyStore: on PostgreSQL, a database the site must create and migrate itself, as on a first deploy.
    public TestApp(
        bool seed = true,
        string environment = "Production",
        IReadOnlyDictionary<string, string>? settings = null,
        DatabaseProvider? provider = null,
        bool emptyStore = false)
        : this(seed, environment, settings, Path.Combine(Path.GetTempPath(), "quettavoice-tests", Guid.NewGuid().ToString("N")), provider, emptyStore)
    {
    }

    private TestApp(bool seed, string environment, IReadOnlyDictionary<string, string>? settings, string dataDirectory, DatabaseProvider? provider, bool emptyStore)
        : this(seed, environment, settings, dataDirectory, new TestDatabase(dataDirectory, provider, emptyStore), ownsStore: true)
    {
    }

    private TestApp(bool seed, string environment, IReadOnlyDictionary<string, string>? settings, string dataDirectory, TestDatabase database, bool ownsStore)
    {
        this.seed = seed;
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string>();
        DataDirectory = dataDirectory;
        Database = database;
        this.ownsStore = ownsStore;
    }

    /// <summary>
    /// Another instance of the same site, as a second server behind the same address: the same settings, store
    /// and data folder, and its own memory; <paramref name="changes"/> over those settings. Dispose it before this
    /// one, which owns the store.
    /// </summary>
    public TestApp AnotherInstance(IReadOnlyDictionary<string, string>? changes = null)
    {
        var its = new Dictionary<string, string>(settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            its[key] = value;
        }

        return new(seed, environment, its, DataDirectory, Database, ownsStore: false);
    }

    public string DataDirectory { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public CollectingSink Logs { get; } = new();
    public SqlCommandCounter SqlCommands { get; } = new();
    public SqlPause SqlPause { get; } = new();
    public CacheOutage CacheOutage { get; } = new();
    public PageStorePause PageStorePause { get; } = new();
    public TestDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Storage:SeedDirectory", seed ? "seeds" : "");
        builder.UseSetting("Site:BaseUrl", "http://localhost");
        // The test clock stands still between serving a form and posting it; tests of the minimum fill time set it.
        builder.UseSetting("Comments:MinFillSeconds", "0");
        foreach (var (key, value) in Database.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(hashing => hashing.IterationCount = PasswordHashRounds);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(SqlCommands);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(SqlPause);
            var count = services.Last(s => s.ServiceType == typeof(QuettaVoice.Web.Caching.IEvictionCount));
            services.AddSingleton(provider => CacheOutage.Around(
                (QuettaVoice.Web.Caching.IEvictionCount)ActivatorUtilities.CreateInstance(provider, count.ImplementationType!)));
            var pageStore = services.Single(s => s.IsKeyedService && Equals(s.ServiceKey, QuettaVoice.Web.Caching.PageStore.Inner));
            services.Remove(pageStore);
            services.AddKeyedSingleton(QuettaVoice.Web.Caching.PageStore.Inner, (provider, key) => PageStorePause.Around(
                (Microsoft.AspNetCore.OutputCaching.IOutputCacheStore)pageStore.KeyedImplementationFactory!(provider, key)));
        });
    }

    /// <summary>A scope on the app's own store, for arranging data and checking what was saved.</summary>
    public async Task WithDbAsync(Func<NewsDb, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<NewsDb>());
    }

    public async Task<T> WithDbAsync<T>(Func<NewsDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDb>());
    }

    public const string Password = "correct horse battery staple";

    /// <summary>
    /// The rounds of this site's password hash. The site keeps Identity's 100,000 (0.08 s of a core a hash here);
    /// each test site makes its first admin, most tests a user and a sign-in, and at the full count hashing was over
    /// a quarter of the newsroom tests' processor time. Sign-in still runs the real hasher on what is stored;
    /// <c>UsersCommandTests</c> checks the site's own count.
    /// </summary>
    public const int PasswordHashRounds = 1_000;

    /// <summary>
    /// A browser-like client over HTTPS (the sign-in cookie is Secure) that keeps cookies and shows redirects
    /// as they are, so tests can assert them.
    /// </summary>
    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>A newsroom account with one role and <see cref="Password"/>, created straight in the store.</summary>
    public async Task<string> CreateUserAsync(string role, string? email = null, bool mustChangePassword = false)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@quettavoice.test";
        await using var scope = Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>()
            .AddUserAsync(email, $"Test {role}", role, Password, mustChangePassword);
        Assert.Empty(problems);
        return email;
    }

    /// <summary>A client signed in through the real sign-in form as a new user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsync(string role)
    {
        var email = await CreateUserAsync(role);
        var client = CreateReader();
        var response = await client.SignInAsync(email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ReleaseStore();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        ReleaseStore();
    }

    private void ReleaseStore()
    {
        if (ownsStore)
        {
            Database.Dispose();
            TryDeleteDataDirectory();
        }
    }

    private void TryDeleteDataDirectory()
    {
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory behind; it must not fail the test.
        }
    }
}
