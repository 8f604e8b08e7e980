namespace MriTransfer.Evaluation;

/// <summary>
/// Macro one-vs-rest ROC-AUC of bootstrap resamples without re-sorting: each class's scores are sorted once, and a
/// resample is scored as a weighted Mann–Whitney statistic (a subject drawn m times has weight m), ties counting one
/// half. Gives exactly <see cref="RocAuc.MacroOneVsRest"/> of the resampled subjects, in O(n) per class.
/// </summary>
public sealed class ResampledAuc
{
    private readonly int[] _truth;
    private readonly int[][] _order;       // per class: subject indices by ascending score
    private readonly int[][] _groupEnds;   // per class: exclusive end of each tie group in _order

    public ResampledAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int classCount)
    {
        _truth = truth.ToArray();
        _order = new int[classCount][];
        _groupEnds = new int[classCount][];
        for (var c = 0; c < classCount; c++)
        {
            var k = c;
            var order = Enumerable.Range(0, truth.Count).OrderBy(i => probabilities[i][k]).ToArray();
            var ends = new List<int>();
            for (var i = 1; i <= order.Length; i++)
                if (i == order.Length || probabilities[order[i]][k] != probabilities[order[i - 1]][k]) ends.Add(i);
            _order[c] = order;
            _groupEnds[c] = ends.ToArray();
        }
    }

    /// <summary>Macro AUC over the classes defined in this resample; null when no class is.</summary>
    public double? Macro(int[] resample)
    {
        var weight = new int[_truth.Length];
        foreach (var i in resample) weight[i]++;
        double sum = 0;
        var defined = 0;
        for (var c = 0; c < _order.Length; c++)
        {
            if (ClassAuc(c, weight) is not { } auc) continue;
            sum += auc;
            defined++;
        }
        return defined == 0 ? null : sum / defined;
    }

    private double? ClassAuc(int c, int[] weight)
    {
        var order = _order[c];
        double negativesBelow = 0, wins = 0, positives = 0;
        var start = 0;
        foreach (var end in _groupEnds[c])
        {
            double groupPositives = 0, groupNegatives = 0;
            for (var i = start; i < end; i++)
            {
                var s = order[i];
                if (_truth[s] == c) groupPositives += weight[s]; else groupNegatives += weight[s];
            }
            wins += groupPositives * (negativesBelow + 0.5 * groupNegatives);
            negativesBelow += groupNegatives;
            positives += groupPositives;
            start = end;
        }
        return positives == 0 || negativesBelow == 0 ? null : wins / (positives * negativesBelow);
    }
}
