using System.Diagnostics;
using MriTransfer.Imaging;
using MriTransfer.Models.ImageNet;
using static TorchSharp.torch;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// ImageNetHead: the package's ImageNet ResNet-18, frozen (batch norm in eval mode), with a linear head trained
/// on the BT train subjects of the label fraction. The backbone's features are extracted once (no augmentation,
/// so they do not change between epochs); the head then trains on them.
/// </summary>
public static class ImageNetHeadTraining
{
    public static TrainingResult Run(string btCohortDir, string outputDir, SliceSampling sampling, SliceTrainingSettings settings,
        Action<string> progress, Action<string>? log = null, string? onnxPath = null)
    {
        TorchThreads.Use(settings.TorchThreads);
        var cohort = CohortInputs.Load(btCohortDir);
        using var net = new ResNetSliceNet(ResNet18OnnxImporter.LoadPretrained(onnxPath), cohort.Classes.Count);
        net.ResetHead(settings.Seed);
        net.eval();
        foreach (var p in net.Backbone.parameters()) p.requires_grad = false;

        if (cohort.Mode == Cohorts.Preprocessed.CohortMode.ThreeD && cohort.Subjects.FirstOrDefault() is { } first)
        {
            var depth = VolumeIO.Read(cohort.PathOf(first)).Nz;
            log?.Invoke($"slices at z = [{string.Join(", ", sampling.CentreSliceIndices(depth))}] of {depth} (±1 as R and B): " +
                        $"{sampling.Coverage(depth).Length} of {depth} axial slices in view");
        }
        progress("reading slices and extracting ImageNet features");
        var clock = Stopwatch.StartNew();
        using var train = Features(net, SliceDataset.Load(cohort, cohort.TrainSubset(settings.LabelFraction), sampling), settings);
        using var val = Features(net, SliceDataset.Load(cohort, cohort.Split("val"), sampling), settings);
        var images = train.SliceCount + val.SliceCount;
        log?.Invoke($"frozen features: {images} images of {sampling.ImageSize} px (reading included) in {clock.Elapsed.TotalSeconds:F1} s = {images / clock.Elapsed.TotalSeconds:F1} images/s");

        var trainer = new SliceClassifierTrainer(net.Head, [], training => net.Head.train(training), settings, progress, log);
        var result = trainer.Train(train, val, "ImageNetHead");
        var info = ResNetSliceModelInfo.Create(cohort.Classes, cohort.Mode, sampling, backboneTrained: false);
        ClassifierOutput.Write(outputDir, net, info, result, settings, "ImageNetHead", train, val, [], encoderRelativeChange: 0);
        return result;
    }

    private static SliceDataset Features(ResNetSliceNet net, SliceDataset images, SliceTrainingSettings settings)
    {
        using (images) return images.Map(net.Features, settings.BatchSize);
    }
}
