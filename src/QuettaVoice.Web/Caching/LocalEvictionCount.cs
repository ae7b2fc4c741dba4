namespace QuettaVoice.Web.Caching;

/// <summary>The count for a site on one server, whose pages are kept in its own memory.</summary>
public sealed class LocalEvictionCount : IEvictionCount
{
    private long count;

    public ValueTask<long> ReadAsync() => new(Interlocked.Read(ref count));

    public Task AddOneAsync()
    {
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }
}
