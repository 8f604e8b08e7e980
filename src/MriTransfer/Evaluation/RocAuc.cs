namespace MriTransfer.Evaluation;

/// <summary>An ROC-AUC that may be undefined (no positives or no negatives); then <see cref="Reason"/> says why.</summary>
public sealed record AucResult(double? Value, string? Reason)
{
    public static AucResult Defined(double value) => new(value, null);
    public static AucResult Undefined(string reason) => new(null, reason);
}

/// <summary>Macro one-vs-rest ROC-AUC: the mean over the classes whose AUC is defined, plus every class's result.</summary>
public sealed record MacroAuc(AucResult Macro, IReadOnlyList<AucResult> PerClass);

/// <summary>
/// ROC-AUC as the Mann–Whitney U statistic: the probability that a random positive scores above a random negative,
/// ties counting one half (computed with mid-ranks, O(n log n)).
/// </summary>
public static class RocAuc
{
    public static AucResult MannWhitney(IReadOnlyList<bool> isPositive, IReadOnlyList<double> scores)
    {
        if (isPositive.Count != scores.Count) throw new ArgumentException("labels and scores differ in length");
        int positives = isPositive.Count(p => p), negatives = isPositive.Count - positives;
        if (positives == 0) return AucResult.Undefined("no positive subjects (class absent from this set)");
        if (negatives == 0) return AucResult.Undefined("no negative subjects (only this class in this set)");

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var midRank = (start + end) / 2.0 + 1.0; // ranks are 1-based
            for (var i = start; i <= end; i++) if (isPositive[order[i]]) positiveRankSum += midRank;
            start = end + 1;
        }
        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return AucResult.Defined(u / ((double)positives * negatives));
    }

    public static AucResult OneVsRest(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int classIndex) =>
        MannWhitney(truth.Select(t => t == classIndex).ToList(), probabilities.Select(p => p[classIndex]).ToList());

    public static MacroAuc MacroOneVsRest(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int classCount)
    {
        var perClass = Enumerable.Range(0, classCount).Select(c => OneVsRest(truth, probabilities, c)).ToList();
        var defined = perClass.Where(a => a.Value is not null).Select(a => a.Value!.Value).ToList();
        var macro = defined.Count == 0
            ? AucResult.Undefined("no class has both positive and negative subjects")
            : defined.Count < classCount
                ? new AucResult(defined.Average(), $"averaged over the {defined.Count} of {classCount} classes whose AUC is defined")
                : AucResult.Defined(defined.Average());
        return new MacroAuc(macro, perClass);
    }

    /// <summary>ROC curve points (false-positive rate, true-positive rate) from (0,0) to (1,1), one per distinct threshold.</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> Curve(IReadOnlyList<bool> isPositive, IReadOnlyList<double> scores)
    {
        int positives = isPositive.Count(p => p), negatives = isPositive.Count - positives;
        var points = new List<(double, double)> { (0, 0) };
        if (positives == 0 || negatives == 0) return points;
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (isPositive[order[i]]) tp++; else fp++;
            if (i + 1 == order.Length || scores[order[i + 1]] != scores[order[i]])
                points.Add(((double)fp / negatives, (double)tp / positives));
        }
        return points;
    }
}
