using Microsoft.AspNetCore.HttpOverrides;
using QuettaVoice.Web.Accounts;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Comments;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;
using QuettaVoice.Web.Feeds;
using QuettaVoice.Web.Health;
using QuettaVoice.Web.Hosting;
using QuettaVoice.Web.Import;
using QuettaVoice.Web.Media;
using QuettaVoice.Web.Moving;
using QuettaVoice.Web.Pages;
using QuettaVoice.Web.Rendering;
using QuettaVoice.Web.Scaling;
using QuettaVoice.Web.Search;
using QuettaVoice.Web.Sitemaps;

// Commands run on the same executable and configuration as the site; their flags are not host settings.
var command = args.FirstOrDefault() is ImportCommand.Name or UsersCommand.Name or MigrateCommand.Name or CopyDbCommand.Name ? args[0] : null;
var hostArgs = command is null ? args : [];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ContentRoot.For(hostArgs) });

// Outside Development a build (dotnet run, tests) still serves its compressed, fingerprinted assets;
// a published build has no manifest to load, so this changes nothing there.
builder.WebHost.UseStaticWebAssets();

builder.AddNewsLogging();
builder.AddNewsStore();
builder.AddSharedState();
builder.AddNewsCaching();
builder.Services.AddNewsCompression();
builder.Services.AddOptions<SiteOptions>()
    .Bind(builder.Configuration.GetSection(SiteOptions.SectionName))
    .Validate(site => site.HasKnownTimeZone(), "Site:TimeZone is not a time zone this machine knows (for example Asia/Karachi).")
    .Validate(site => site.HasAbsoluteBaseUrl(), "Site:BaseUrl must be the site's absolute http or https address (for example https://quettavoice.com).")
    .ValidateOnStart();
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.SectionName));
builder.Services.AddOptions<SitemapOptions>()
    .Bind(builder.Configuration.GetSection(SitemapOptions.SectionName))
    .Validate(sitemaps => sitemaps.IsValid(), "Sitemaps:UrlsPerFile must be between 1 and 50000.")
    .ValidateOnStart();
builder.Services.AddOptions<RenderTurnOptions>()
    .Bind(builder.Configuration.GetSection(RenderTurnOptions.SectionName))
    .Validate(turns => turns.IsValid(), "RenderTurns:Running must be at least 1.")
    .ValidateOnStart();
builder.Services.AddSingleton<RenderTurns>();
builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.SectionName));
builder.AddNewsAccounts();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PicturesInText>();
builder.Services.AddSingleton<StoryRenderer>();
builder.Services.AddSingleton(services => new StoreStartup(() => OnceAtStart.RunAsync(services)));
builder.Services.AddScoped<StoryImporter>();
builder.AddNewsSearch();
builder.Services.AddNewsMedia();
builder.AddNewsComments();
builder.Services.AddNewsPages();
builder.Services.AddNewsHealthChecks();

var app = builder.Build();

switch (command)
{
    case ImportCommand.Name:
        // Buffered, and flushed by the importer at each commit: the console wrote out every file's line on its own.
        await using (var output = new StreamWriter(Console.OpenStandardOutput()))
        {
            return await ImportCommand.RunAsync(app.Services, args[1..], output, Console.Error);
        }

    case UsersCommand.Name:
        return await UsersCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
    case MigrateCommand.Name:
        return await MigrateCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
    case CopyDbCommand.Name:
        return await CopyDbCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

// Bringing the store up (mostly EF's first use) and starting the server (the pipeline below, Kestrel) each take
// a while and need nothing from each other: the store is brought up on a pool thread meanwhile, and requests wait
// for it (UseStoreStartup). The story renderer (Markdig, and HtmlSanitizer's large tables), which the first story
// page would otherwise wait for, is made alongside.
var store = app.Services.GetRequiredService<StoreStartup>();
_ = store.Ready;
_ = Task.Run(() => app.Services.GetRequiredService<StoryRenderer>());

// Behind nginx on the same machine the reader's address and scheme arrive in X-Forwarded-* headers; only a
// proxy on loopback is believed (the default), so nobody else can choose the address rate limits count.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
// Outermost, so a request shows once with the status the reader got, even when an error page answered it.
app.UseNewsRequestLogging();
app.UseStoreStartup();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
// Uploaded pictures are public and need no account: they are answered before sign-in is looked at.
app.UseNewsMedia();
// Only when a benchmark names a folder: its saved pages, served as files, are the yardstick for the real ones.
app.UseBenchmarkStaticFiles();
app.UseLowerCaseAddresses();
app.UseWordPressLinks();
app.UsePageRedirects();
app.UseAuthentication();
app.UseAuthorization();
app.UseNewsCompression();
app.UseNewsCaching();
app.UseMiddleware<RenderTurns>();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapNewsFeeds();
app.MapSitemaps();
app.MapNewsHealth();

try
{
    await app.StartAsync();
    await app.WaitForShutdownAsync();
}
catch
{
    // A host that fails to start (a bad setting, a port in use) comes down only once the store work it began
    // has ended, so a migration or the first admin's password file is never cut off halfway.
    await Task.WhenAny(store.Ready);
    throw;
}
finally
{
    await app.DisposeAsync();
}

return 0;
