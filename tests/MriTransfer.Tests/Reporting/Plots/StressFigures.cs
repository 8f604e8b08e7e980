using MriTransfer.Evaluation;
using MriTransfer.Imaging;
using MriTransfer.Reporting;
using MriTransfer.Reporting.Plots;

namespace MriTransfer.Tests.Reporting.Plots;

/// <summary>
/// Every kind of report figure built with hard text: nine variants with long names (as the lead will add arms), eight
/// classes with long names, long titles; and the plot sizes the params allow, corners and default included.
/// </summary>
public sealed class StressFigures : IDisposable
{
    public static readonly string[] Variants =
        ["scratch", "head", "finetune", "imagenet_head", "imagenet_finetune", "self_finetune", "self_head", "linear_probe_on_ad_encoder", "scratch_long_schedule"];
    public static readonly string[] Classes =
        ["glioma", "meningioma", "pituitary_adenoma", "no_tumor", "metastasis", "schwannoma", "craniopharyngioma", "ependymoma"];

    /// <summary>report.plot_width × report.plot_height: 300..4000 × 200..3000, their corners, the default and the tests' size.</summary>
    public static TheoryData<int, int> Sizes => new() { { 300, 200 }, { 300, 3000 }, { 4000, 200 }, { 4000, 3000 }, { 900, 550 }, { 500, 320 }, { 640, 480 } };

    private readonly string _dir = Directory.CreateTempSubdirectory("mt-plots-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static IReadOnlyList<VariantSummary> Summaries(double balancedAccuracy = 0.5) => Variants.Select((n, i) =>
        new VariantSummary(n, "classifier", 0.5, Math.Clamp(balancedAccuracy + 0.04 * i - 0.16, 0, 1), new ConfidenceInterval(0, Math.Min(1, balancedAccuracy + 0.2), 200),
            0.5, 0.5, null, new int[Classes.Length, Classes.Length])).ToList();

    public static IReadOnlyList<LearningCurvePoint> Curve(double sd = 0.3) =>
        Variants.SelectMany(v => new[] { 0.1, 0.25, 0.5, 1.0 }.Select(f => new LearningCurvePoint(v, f, 3, 0.05 + 0.4 * f, sd))).ToList();

    public static IReadOnlyList<SubjectPrediction> Predictions()
    {
        var k = Classes.Length;
        return Enumerable.Range(0, 5 * k).Select(s =>
        {
            var truth = s % k;
            var p = Enumerable.Range(0, k).Select(c => c == truth ? 0.3 + 0.1 * (s % 3) : (0.7 - 0.1 * (s % 3)) / (k - 1)).ToArray();
            return new SubjectPrediction($"sub-{s:000}", $"sub-{s:000}", Classes[truth], Classes[truth], p);
        }).ToList();
    }

    public static HistoryTable History(string dir)
    {
        var path = Path.Combine(dir, "history.csv");
        File.WriteAllText(path, "epoch,train_loss,val_loss,val_balanced_accuracy\n1,1.1,1.0,0.05\n2,0.8,0.85,0.3\n3,0.6,0.8,0.6\n");
        return HistoryTable.Read(path);
    }

    public IReadOnlyList<ReconstructionExample> Reconstructions()
    {
        var examples = new List<ReconstructionExample>();
        for (var r = 0; r < 4; r++)
        {
            var volume = Volume.Create(8, 8, 8);
            for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = (i * (r + 3)) % 11;
            string input = Path.Combine(_dir, $"in-{r}.nii.gz"), output = Path.Combine(_dir, $"out-{r}.nii.gz");
            VolumeIO.WriteNifti(volume, input);
            VolumeIO.WriteNifti(volume, output);
            examples.Add(new ReconstructionExample(r < 2 ? "ad" : "bt", $"subject-with-a-long-identifier-{r}", "x", 0.00515 * (r + 1), input, output));
        }
        return examples;
    }

    private readonly Dictionary<PlotSize, List<(string, Figure, byte[])>> _rendered = [];

    /// <summary>Every kind of figure at <paramref name="size"/>, rendered (once per size: tests of one class share them).</summary>
    public IReadOnlyList<(string Name, Figure Figure, byte[] Png)> Rendered(PlotSize size)
    {
        if (!_rendered.TryGetValue(size, out var figures))
            _rendered[size] = figures = All(size).Select(f => (f.Name, f.Figure, f.Figure.RenderPng())).ToList();
        return figures;
    }

    /// <summary>Every kind of figure at <paramref name="size"/>, by name.</summary>
    public IEnumerable<(string Name, Figure Figure)> All(PlotSize size)
    {
        yield return ("balanced accuracy", BalancedAccuracyPlot.Build(Summaries(), Classes.Length, 0.95, size));
        yield return ("learning curve", LearningCurvePlot.Build(Curve(), Classes.Length, size));
        yield return ("confusion matrix", ConfusionMatrixPlot.Build("linear_probe_on_ad_encoder", Classes, new int[Classes.Length, Classes.Length], size));
        yield return ("ROC", RocCurvePlot.Build("imagenet_finetune", Classes, Predictions(), size));
        yield return ("training curve", TrainingCurvePlot.Build("TrainHeadOnImageNetFeatures", History(_dir), Classes.Length, size));
        yield return ("reconstructions", ReconstructionPlot.Build(Reconstructions(), size));
    }
}
