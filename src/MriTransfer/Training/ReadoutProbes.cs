using System.Text.Json.Nodes;
using MriTransfer.Evaluation;
using MriTransfer.Models;
using static TorchSharp.torch;

namespace MriTransfer.Training;

/// <summary>
/// The linear and k-NN probes on an encoder as an arm starts from it (AD- or BT-pretrained in TrainHead, random in
/// TrainScratch), through the arm's own readout: fitted on BT train subjects' features, scored on BT val (balanced
/// accuracy; test stays Evaluate's). A learned readout (attention) is probed as its parameter-free part, the mean over
/// the bottleneck's positions. In 2-D mode a subject's features are the mean over its slices.
/// </summary>
internal static class ReadoutProbes
{
    private static readonly LinearProbeSettings Linear = new(L2: 0.01, Iterations: 500, LearningRate: 0.1);

    public static JsonObject Run(EncoderClassifier model, ClassifierData data, FrozenFeatures train, FrozenFeatures val, string encoder)
    {
        var classes = data.Classes.Count;
        var (trainX, trainY) = BySubject(train.Original, data.Train);
        var (valX, valY) = BySubject(val.Original, data.Val);
        var linear = LinearProbe.Fit(trainX, trainY, classes, Linear);
        var knn = KnnProbe.Fit(trainX, trainY, classes);
        double Score(Func<float[], int> predict) => ClassificationMetrics.BalancedAccuracy(valY, valX.Select(predict).ToArray(), classes);
        return new JsonObject
        {
            ["encoder"] = encoder,
            ["readout"] = model.ReadoutSpec.Name == "attention" ? "attention (probed as gap)" : model.ReadoutSpec.Name,
            ["features"] = trainX[0].Length,
            ["train_subjects"] = trainX.Length,
            ["val_subjects"] = valX.Length,
            ["linear_val_balanced_accuracy"] = Score(f => SubjectPrediction.ArgMax(linear.PredictProbabilities(f))),
            ["knn_k"] = knn.K,
            ["knn_val_balanced_accuracy"] = Score(knn.Predict),
        };
    }

    private static (float[][] Features, int[] Labels) BySubject(Tensor pooled, SampleSet samples)
    {
        using var scope = NewDisposeScope();
        var flat = (pooled.dim() == 3 ? pooled.mean([2L]) : pooled).flatten(1);
        var width = (int)flat.shape[1];
        var rows = flat.data<float>().ToArray().Chunk(width).ToArray();
        var sums = new float[samples.Subjects.Count][];
        var counts = new int[samples.Subjects.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var s = samples.SubjectOf[i];
            sums[s] ??= new float[width];
            for (var j = 0; j < width; j++) sums[s][j] += rows[i][j];
            counts[s]++;
        }
        for (var s = 0; s < sums.Length; s++) for (var j = 0; j < width; j++) sums[s][j] /= counts[s];
        return (sums, samples.SubjectLabels.ToArray());
    }
}
