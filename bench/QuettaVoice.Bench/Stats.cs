namespace QuettaVoice.Bench;

public static class Stats
{
    /// <summary>
    /// The median, which one disturbed round on a shared machine cannot drag; NaN for no values. A round in
    /// which nothing answered (NaN) counts as slower than any that did, never as the fastest.
    /// </summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Select(v => double.IsNaN(v) ? double.PositiveInfinity : v).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
