using System.Globalization;

namespace QuettaVoice.Web.Moving;

/// <summary>A foreign key from a table to itself, as positions in a copied row: the referencing and the referenced columns.</summary>
internal sealed record SelfReference(IReadOnlyList<int> Referencing, IReadOnlyList<int> Referenced)
{
    /// <summary>A row whose reference is empty (a comment that answers no other) needs no row before it.</summary>
    public bool IsUnset(object?[] row) => Referencing.Any(o => row[o] is null);

    public static string Key(object?[] row, IReadOnlyList<int> ordinals) =>
        string.Join('\u001f', ordinals.Select(o => Convert.ToString(row[o], CultureInfo.InvariantCulture)));
}
