using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Data;

public static class DataServices
{
    public const string DatabaseFileName = "quettavoice.db";

    /// <summary>
    /// The most SQLite contexts the pool keeps for the next request: four a core, eight at least, enough for the
    /// pages and searches made at once. Each holds its connection open with the statements it keeps
    /// (<see cref="StatementKeepingConnection"/>) and SQLite's own cache of pages and of the schema, about 1.8 MB a
    /// connection once warm, so the pool does not go on holding one for every request of a burst.
    /// </summary>
    public static int SqliteContextsPooled { get; } = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>
    /// Registers the store: by default SQLite in the data folder (unless <c>ConnectionStrings:Default</c> names
    /// another file), or PostgreSQL at <c>ConnectionStrings:Default</c> when <c>Database:Provider</c> is Postgres.
    /// The data folder is created here, readable by the site's own user alone, so a fresh machine needs no set-up step.
    /// </summary>
    public static IHostApplicationBuilder AddNewsStore(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.DataDirectory();
        // The store's file holds commenters' emails and the newsroom's password hashes, and SQLite makes it readable by
        // all: the folder is the site's user's alone (0700).
        OwnerOnlyFile.Folder(dataDirectory);
        builder.Services.AddSingleton(new DataFolder(dataDirectory));
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");
        builder.Services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Default is empty: give the server's connection string "
                    + "(for example Host=127.0.0.1;Database=quettavoice;Username=quettavoice;Password=...).");
            }

            // Interceptors registered by other parts of the site (the cache's eviction) see every save. Contexts
            // are pooled: a page asks for one or two, and building each anew cost more than some of its queries.
            // A list of ids goes as one parameter (an array here, JSON in SQLite), so a query's SQL is the same
            // however many there are and is made once, even in a query compiled ahead (EF.CompileAsyncQuery).
            builder.Services.AddDbContextPool<NewsDb, PostgresNewsDb>((services, options) => options
                .UseNpgsql(PostgresPreparation.WithAutoPrepare(connectionString), postgres => postgres.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else
        {
            SqliteEngine.Configure();
            connectionString ??= $"Data Source={Path.Combine(dataDirectory, DatabaseFileName)}";
            builder.Services.AddDbContextPool<NewsDb, SqliteNewsDb>((services, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(services.GetServices<IInterceptor>())
                .AddInterceptors(new SqlitePlanStability(), new SqliteStatementReuse()), SqliteContextsPooled);
        }

        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    public static string DataDirectory(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.DataDirectory;
        return Path.GetFullPath(configured ?? new StorageOptions().DataDirectory, builder.Environment.ContentRootPath);
    }
}
