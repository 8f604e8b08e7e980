using System.Diagnostics;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// ImageNetFineTune: starts from an ImageNetHead folder (backbone + trained head), unfreezes the backbone and
/// trains everything, the backbone with layer-wise learning rates (<c>backbone_lr</c> for the deepest stage,
/// <c>layer_decay</c> times less per stage towards the stem), and records how far the backbone moved. Batch norm keeps its ImageNet statistics
/// (eval mode; its scale and shift are trained): slice batches from a few subjects are too small and too
/// correlated for reliable batch statistics. Image sampling comes from the head's model.json.
/// </summary>
public static class ImageNetFineTuning
{
    public static TrainingResult Run(string btCohortDir, string headDir, string outputDir, SliceTrainingSettings settings, Action<string> progress,
        Action<string>? log = null)
    {
        TorchThreads.Use(settings.TorchThreads);
        var headInfo = ResNetSliceModelInfo.Read(Path.Combine(headDir, "model.json"));
        var cohort = CohortInputs.Load(btCohortDir);
        CheckHeadMatches(headDir, headInfo, cohort.Classes, cohort.Mode, settings);

        using var net = new ResNetSliceNet(new ResNet18Backbone(), headInfo.Classes.Count);
        net.load(Path.Combine(headDir, "model.pt"), strict: true);

        progress("reading slices");
        using var train = SliceDataset.Load(cohort, cohort.TrainSubset(settings.LabelFraction), headInfo.Sampling);
        using var val = SliceDataset.Load(cohort, cohort.Split("val"), headInfo.Sampling);

        void SetTraining(bool training) { if (training) net.TrainHeadKeepBatchNormFrozen(); else net.eval(); }
        var byDepth = net.Backbone.ParameterGroupsByDepth();
        var groups = byDepth.Select((g, i) => new ParameterGroup(g.Name, g.Parameters, settings.BackboneLrAt(byDepth.Count - 1 - i))).ToList();
        using var change = WeightChange.Snapshot(groups.SelectMany(g => g.Parameters).ToList());
        var trainer = new SliceClassifierTrainer(net, groups, SetTraining, settings, progress, log);
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(train, val, "ImageNetFineTune");
        var moved = change.Relative();
        log?.Invoke($"backbone relative weight change {moved:G3} after {result.Steps} steps (layer-wise lr: {string.Join(", ", groups.Select(g => $"{g.Name} {g.Lr:G3}"))})");
        log?.Invoke($"fine-tuning: {train.SliceCount} train + {val.SliceCount} val images of {headInfo.Sampling.ImageSize} px per epoch; " +
                    $"{(train.SliceCount + val.SliceCount) * result.History.Rows.Count / clock.Elapsed.TotalSeconds:F1} images/s (train forward+backward and val forward)");
        var info = ResNetSliceModelInfo.Create(cohort.Classes, cohort.Mode, headInfo.Sampling, backboneTrained: true);
        ClassifierOutput.Write(outputDir, net, info, result, settings, "ImageNetFineTune", train, val, groups, moved);
        return result;
    }

    private static void CheckHeadMatches(string headDir, ResNetSliceModelInfo head, IReadOnlyList<string> classes, CohortMode mode, SliceTrainingSettings settings)
    {
        var (_, seed, fraction, _) = TrainingRecord.Read(headDir);
        var problems = new List<string>();
        var modelJson = Path.Combine(headDir, "model.json");
        var trainingJson = Path.Combine(headDir, "training.json");
        if (!head.Classes.SequenceEqual(classes))
            problems.Add($"{modelJson}: classes [{string.Join(", ", head.Classes)}] differ from the BT cohort's [{string.Join(", ", classes)}]");
        if (head.CohortMode != mode) problems.Add($"{modelJson}: mode '{head.Mode}' differs from the BT cohort's '{mode.Text()}'");
        if (Math.Abs(fraction - settings.LabelFraction) > 1e-9)
            problems.Add($"{trainingJson}: label_fraction {fraction} differs from train.label_fraction {settings.LabelFraction}; fine-tune the head of the same fraction");
        if (seed != settings.Seed) problems.Add($"{trainingJson}: seed {seed} differs from train.seed {settings.Seed}; fine-tune the head of the same seed");
        if (problems.Count > 0) throw new ImageNetSettingsException(problems);
    }
}
