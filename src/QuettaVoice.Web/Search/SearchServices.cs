using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Search;

public static class SearchServices
{
    /// <summary>Search in the store's own engine, the turns searches take (<see cref="SearchGate"/>) and the nightly upkeep of its index.</summary>
    public static IHostApplicationBuilder AddNewsSearch(this IHostApplicationBuilder builder)
    {
        // Search is written in each engine's own SQL, so it follows the store's engine.
        builder.Services.AddScoped<ISearchIndex>(services => services.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.Postgres => new PostgresSearchIndex(services.GetRequiredService<NewsDb>()),
            _ => new SqliteSearchIndex(services.GetRequiredService<NewsDb>()),
        });
        builder.Services.AddOptions<SearchOptions>()
            .Bind(builder.Configuration.GetSection(SearchOptions.SectionName))
            .Validate(search => search.IsValid(), "Search:Running must be at least 1 and Search:Waiting at least 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SearchGate>();
        builder.Services.AddSingleton<SearchIndexUpkeep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexUpkeep>());
        return builder;
    }
}
