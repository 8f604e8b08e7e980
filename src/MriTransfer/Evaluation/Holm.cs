namespace MriTransfer.Evaluation;

/// <summary>
/// Holm's step-down adjustment of a family of p-values (controls the family-wise error rate under any dependence):
/// sorted ascending p(1) ≤ … ≤ p(m), adjusted p(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)). Returned in the
/// order given; a null p (a test that could not be computed) stays null and does not count towards m.
/// </summary>
public static class Holm
{
    public static double?[] Adjust(IReadOnlyList<double?> pValues)
    {
        var defined = Enumerable.Range(0, pValues.Count).Where(i => pValues[i] is not null)
            .OrderBy(i => pValues[i]!.Value).ThenBy(i => i).ToList();
        var adjusted = new double?[pValues.Count];
        var m = defined.Count;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = defined[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[i]!.Value));
            adjusted[i] = running;
        }
        return adjusted;
    }

    public static double[] Adjust(IReadOnlyList<double> pValues) =>
        Adjust(pValues.Select(p => (double?)p).ToList()).Select(p => p!.Value).ToArray();
}
