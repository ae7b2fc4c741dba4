using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data;

public static class DataServices
{
    public const string DatabaseFileName = "quettavoice.db";

    /// <summary>
    /// Registers the store: SQLite in the data folder unless <c>ConnectionStrings:Default</c> names another file,
    /// and the key ring that protects cookies and form tokens, kept there too so they survive a restart.
    /// The data folder is created here so a fresh machine needs no set-up step.
    /// </summary>
    public static IHostApplicationBuilder AddNewsStore(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.DataDirectory();
        Directory.CreateDirectory(dataDirectory);
        builder.Services.AddSingleton(new DataFolder(dataDirectory));
        builder.Services.AddDataProtection()
            .SetApplicationName("QuettaVoice")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? $"Data Source={Path.Combine(dataDirectory, DatabaseFileName)}";
        // Interceptors registered by other parts of the site (the cache's eviction) see every save.
        builder.Services.AddDbContext<NewsDb>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(services.GetServices<IInterceptor>()));
        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    public static string DataDirectory(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.DataDirectory;
        return Path.GetFullPath(configured ?? new StorageOptions().DataDirectory, builder.Environment.ContentRootPath);
    }
}
