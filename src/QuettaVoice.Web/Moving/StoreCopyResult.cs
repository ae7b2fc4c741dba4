namespace QuettaVoice.Web.Moving;

/// <summary>
/// What a copy did: every table with its counts, or, when the target already held rows, the tables that did
/// (and then nothing was written).
/// </summary>
public sealed record StoreCopyResult(IReadOnlyList<CopiedTable> Tables, IReadOnlyList<string> OccupiedTables)
{
    public bool Refused => OccupiedTables.Count > 0;

    public long TotalRead => Tables.Sum(t => t.Read);

    public long TotalWritten => Tables.Sum(t => t.Written);
}
