namespace QuettaVoice.Bench;

/// <summary>
/// Readers searching words nobody searched before, so each query misses the page cache: the load beside a
/// "while readers search" scenario. Two of the paper's beats and places, on the first or second page of results.
/// </summary>
public static class SearchCrowd
{
    public const int Readers = 16;

    /// <summary>wrk's script for the crowd, written into the benchmark's data folder; returns its path.</summary>
    public static async Task<string> WriteScriptAsync(Workspace workspace)
    {
        var words = NewsText.BeatWords.Concat(NewsText.Places.Where(place => !place.Contains(' ')))
            .Select(word => $"\"{word.ToLowerInvariant()}\"")
            .Distinct(StringComparer.Ordinal);
        var path = Path.Combine(workspace.DataRoot, "search-crowd.lua");
        Directory.CreateDirectory(workspace.DataRoot);
        await File.WriteAllTextAsync(path, $$"""
            local words = { {{string.Join(", ", words)}} }
            math.randomseed(os.time())
            request = function()
              local query = "?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)]
              if math.random(2) == 1 then return wrk.format("GET", "/search" .. query) end
              return wrk.format("GET", "/search/page/2" .. query)
            end
            """);
        return path;
    }
}
