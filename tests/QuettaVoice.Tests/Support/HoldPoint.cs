namespace QuettaVoice.Tests.Support;

/// <summary>A place in the site where a test can hold the next request whose <typeparamref name="T"/> matches, and that one only.</summary>
public sealed class HoldPoint<T>
{
    private sealed record Armed(Hold Hold, Func<T, bool> Matches);

    private Armed? next;

    public Hold Next(Func<T, bool> matches)
    {
        var hold = new Hold();
        Volatile.Write(ref next, new Armed(hold, matches));
        return hold;
    }

    /// <summary>The hold armed for <paramref name="value"/>, taken so no other request meets it; null if none.</summary>
    internal Hold? Take(T value)
    {
        var armed = Volatile.Read(ref next);
        return armed is not null && armed.Matches(value) && Interlocked.CompareExchange(ref next, null, armed) == armed ? armed.Hold : null;
    }
}
