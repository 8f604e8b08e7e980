namespace MriTransfer.Evaluation;

/// <summary>
/// k-nearest-neighbour probe: features standardised with the training features' mean and sd (as <see cref="LinearProbe"/>
/// does), Euclidean distance, the majority class of the k nearest training samples; a tie goes to the class whose tied
/// neighbours are nearer in total, then to the lower class index. Deterministic; it fits nothing, so it shows what the
/// features' geometry alone separates.
/// </summary>
public sealed class KnnProbe
{
    public const int DefaultK = 5;

    private readonly double[][] _train;
    private readonly int[] _labels;
    private readonly FeatureScaling _scaling;

    private KnnProbe(double[][] train, int[] labels, FeatureScaling scaling, int k, int classCount)
    {
        _train = train;
        _labels = labels;
        _scaling = scaling;
        K = k;
        ClassCount = classCount;
    }

    public int K { get; }
    public int ClassCount { get; }

    public static KnnProbe Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, int k = DefaultK)
    {
        if (features.Count == 0) throw new ArgumentException("no training features", nameof(features));
        if (features.Count != labels.Count) throw new ArgumentException("features and labels differ in length");
        if (k < 1) throw new ArgumentException($"k must be at least 1, got {k}", nameof(k));
        var d = features[0].Length;
        if (features.Any(f => f.Length != d)) throw new ArgumentException("all feature vectors must have the same length", nameof(features));
        var scaling = FeatureScaling.Fit(features);
        return new KnnProbe(features.Select(scaling.Apply).ToArray(), labels.ToArray(), scaling, Math.Min(k, features.Count), classCount);
    }

    public int Predict(float[] features)
    {
        var z = _scaling.Apply(features);
        var nearest = _train.Select((t, i) => (Distance: SquaredDistance(t, z), Index: i))
            .OrderBy(n => n.Distance).ThenBy(n => n.Index).Take(K).ToList();
        var votes = new int[ClassCount];
        var distance = new double[ClassCount];
        foreach (var (d, i) in nearest)
        {
            votes[_labels[i]]++;
            distance[_labels[i]] += Math.Sqrt(d);
        }
        return Enumerable.Range(0, ClassCount).OrderByDescending(c => votes[c]).ThenBy(c => distance[c]).ThenBy(c => c).First();
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return s;
    }
}
