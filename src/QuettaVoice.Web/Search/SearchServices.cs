using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Search;

public static class SearchServices
{
    /// <summary>Search in the store's own engine, and the turns searches take (<see cref="SearchGate"/>).</summary>
    public static IHostApplicationBuilder AddNewsSearch(this IHostApplicationBuilder builder)
    {
        // Search is written in each engine's own SQL, so it follows the store's engine.
        builder.Services.AddScoped<ISearchIndex>(services => services.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.Postgres => new PostgresSearchIndex(services.GetRequiredService<NewsDb>()),
            _ => new SqliteSearchIndex(services.GetRequiredService<NewsDb>()),
        });
        var section = builder.Configuration.GetSection(SearchOptions.SectionName);
        builder.Services.AddOptions<SearchOptions>()
            .Bind(section)
            .Validate(search => search.IsValid(), "Search:Running must be at least 1 and Search:Waiting at least 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SearchGate>();

        // SQLite answers on the calling thread, so each running search holds one of the pool's threads, and the
        // pool starts with one a core and adds more only slowly. Unless as many again are kept for every other
        // page, a cached story waits behind the searches for a thread: with two searches running on two cores
        // it took over a second at p99; with four threads kept, 12-14 ms.
        var running = (section.Get<SearchOptions>() ?? new SearchOptions()).Running;
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + running), completionPorts);
        return builder;
    }
}
