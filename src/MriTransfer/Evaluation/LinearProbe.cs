namespace MriTransfer.Evaluation;

/// <summary>Hyperparameters of the linear probe: L2 strength on the weights (not the biases), full-batch gradient-descent steps and step size.</summary>
public sealed record LinearProbeSettings(double L2, int Iterations, double LearningRate);

/// <summary>
/// Multinomial logistic regression on standardized features (mean and sd from the training features), fitted by
/// full-batch gradient descent on mean cross-entropy + L2/2·‖W‖². Deterministic: starts from zero weights.
/// </summary>
public sealed class LinearProbe
{
    private readonly FeatureScaling _scaling;
    private readonly double[,] _weights; // [class, feature]
    private readonly double[] _bias;

    private LinearProbe(FeatureScaling scaling, double[,] weights, double[] bias, double finalLoss)
    {
        _scaling = scaling;
        _weights = weights;
        _bias = bias;
        FinalLoss = finalLoss;
    }

    /// <summary>Training objective (cross-entropy + penalty) after the last step.</summary>
    public double FinalLoss { get; }

    public int ClassCount => _bias.Length;

    public static LinearProbe Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, LinearProbeSettings settings)
    {
        if (features.Count == 0) throw new ArgumentException("no training features", nameof(features));
        if (features.Count != labels.Count) throw new ArgumentException("features and labels differ in length");
        int n = features.Count, d = features[0].Length;
        if (features.Any(f => f.Length != d)) throw new ArgumentException("all feature vectors must have the same length", nameof(features));

        var scaling = FeatureScaling.Fit(features);
        var x = features.Select(scaling.Apply).ToArray();
        var w = new double[classCount, d];
        var bias = new double[classCount];
        var gradW = new double[classCount, d];
        var gradB = new double[classCount];
        // Gradient descent is stable when the step is below 1/L, L = 1/2·λmax(X̃ᵀX̃/n) + L2 (X̃ = features with a ones column):
        // the configured learning rate is capped there so no setting can make the fit diverge.
        var stepSize = Math.Min(settings.LearningRate, 1.0 / (0.5 * LargestEigenvalue(x) + settings.L2));
        var loss = 0.0;
        for (var step = 0; step <= settings.Iterations; step++)
        {
            Array.Clear(gradW);
            Array.Clear(gradB);
            loss = 0;
            for (var i = 0; i < n; i++)
            {
                var p = Softmax(x[i], w, bias);
                loss -= Math.Log(Math.Max(p[labels[i]], 1e-300)) / n;
                for (var c = 0; c < classCount; c++)
                {
                    var residual = (p[c] - (labels[i] == c ? 1 : 0)) / n;
                    gradB[c] += residual;
                    for (var j = 0; j < d; j++) gradW[c, j] += residual * x[i][j];
                }
            }
            for (var c = 0; c < classCount; c++)
                for (var j = 0; j < d; j++)
                {
                    loss += settings.L2 / 2 * w[c, j] * w[c, j];
                    gradW[c, j] += settings.L2 * w[c, j];
                }
            if (!double.IsFinite(loss)) throw new InvalidOperationException($"linear probe diverged at step {step} (loss {loss})");
            if (step == settings.Iterations) break;
            for (var c = 0; c < classCount; c++)
            {
                bias[c] -= stepSize * gradB[c];
                for (var j = 0; j < d; j++) w[c, j] -= stepSize * gradW[c, j];
            }
        }
        return new LinearProbe(scaling, w, bias, loss);
    }

    public double[] PredictProbabilities(float[] features) => Softmax(_scaling.Apply(features), _weights, _bias);

    /// <summary>Largest eigenvalue of X̃ᵀX̃/n by power iteration (X̃ = rows of x with a trailing 1), from a fixed start.</summary>
    private static double LargestEigenvalue(double[][] x)
    {
        int n = x.Length, d = x[0].Length + 1;
        var v = Enumerable.Repeat(1.0 / Math.Sqrt(d), d).ToArray();
        double lambda = 1;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var next = new double[d];
            foreach (var row in x)
            {
                var dot = v[d - 1];
                for (var j = 0; j < d - 1; j++) dot += row[j] * v[j];
                for (var j = 0; j < d - 1; j++) next[j] += dot * row[j] / n;
                next[d - 1] += dot / n;
            }
            var norm = Math.Sqrt(next.Sum(e => e * e));
            if (norm < 1e-300) return 1;
            lambda = norm;
            for (var j = 0; j < d; j++) v[j] = next[j] / norm;
        }
        return lambda * 1.01; // power iteration approaches from below
    }

    private static double[] Softmax(double[] x, double[,] w, double[] bias)
    {
        var k = bias.Length;
        var logits = new double[k];
        for (var c = 0; c < k; c++)
        {
            var s = bias[c];
            for (var j = 0; j < x.Length; j++) s += w[c, j] * x[j];
            logits[c] = s;
        }
        var max = logits.Max();
        double total = 0;
        for (var c = 0; c < k; c++) total += logits[c] = Math.Exp(logits[c] - max);
        for (var c = 0; c < k; c++) logits[c] /= total;
        return logits;
    }
}
