namespace MriTransfer.Evaluation;

/// <summary>Per-feature standardisation from training features (mean and population sd; a constant feature stays unscaled), shared by the probes.</summary>
internal sealed record FeatureScaling(double[] Mean, double[] Scale)
{
    public static FeatureScaling Fit(IReadOnlyList<float[]> features)
    {
        var d = features[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var f in features) for (var j = 0; j < d; j++) mean[j] += f[j] / (double)features.Count;
        foreach (var f in features) for (var j = 0; j < d; j++) scale[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / features.Count;
        for (var j = 0; j < d; j++) scale[j] = scale[j] > 1e-24 ? Math.Sqrt(scale[j]) : 1.0;
        return new FeatureScaling(mean, scale);
    }

    public double[] Apply(float[] f)
    {
        if (f.Length != Mean.Length) throw new ArgumentException($"expected {Mean.Length} features, got {f.Length}");
        var z = new double[f.Length];
        for (var j = 0; j < f.Length; j++) z[j] = (f[j] - Mean[j]) / Scale[j];
        return z;
    }
}
