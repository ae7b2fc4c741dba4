using System.Collections.Concurrent;

namespace QuettaVoice.Web.Data;

/// <summary>
/// A query compiled once for each kind of store (<c>EF.CompileAsyncQuery</c>): EF ties a compiled query to the
/// model it first ran with and refuses any other, and SQLite's and PostgreSQL's models differ. A site runs on one,
/// but a process may open both (the copy from one store to the other, and its tests).
/// </summary>
public sealed class PerStore<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> compiled = new();

    /// <summary>The query compiled for the kind of store <paramref name="db"/> is.</summary>
    public TQuery For(NewsDb db) => compiled.GetOrAdd(db.GetType(), _ => compile());
}
