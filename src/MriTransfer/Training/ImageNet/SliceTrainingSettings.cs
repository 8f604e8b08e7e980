using MriTransfer.Models.ImageNet;

namespace MriTransfer.Training.ImageNet;

/// <summary>
/// The training loop's settings for one ImageNet variant, validated on construction (all problems together).
/// <paramref name="BackboneLr"/> is 0 for the frozen-backbone head; <paramref name="LabelFraction"/> picks the
/// nested subset of BT train subjects (train.label_fraction); <paramref name="Seed"/> is train.seed.
/// </summary>
public sealed record SliceTrainingSettings
{
    public SliceTrainingSettings(int epochs, int batchSize, double headLr, double backboneLr, int patience,
        double labelFraction, int seed, int torchThreads)
    {
        var problems = new List<string>();
        if (epochs is < 1 or > 1000) problems.Add($"epochs is {epochs}; expected 1..1000");
        if (batchSize is < 1 or > 1024) problems.Add($"imagenet.batch_size is {batchSize}; expected 1..1024");
        if (!(headLr > 0 && headLr <= 1)) problems.Add($"head learning rate is {headLr}; expected a number in (0, 1]");
        if (!(backboneLr >= 0 && backboneLr <= 1)) problems.Add($"backbone learning rate is {backboneLr}; expected a number in [0, 1]");
        if (patience is < 1 or > 1000) problems.Add($"patience is {patience}; expected 1..1000 epochs");
        if (!(labelFraction > 0 && labelFraction <= 1)) problems.Add($"train.label_fraction is {labelFraction}; expected a number in (0, 1]");
        if (torchThreads is < 1 or > 256) problems.Add($"runtime.torch_threads is {torchThreads}; expected 1..256");
        if (problems.Count > 0) throw new ImageNetSettingsException(problems);
        (Epochs, BatchSize, HeadLr, BackboneLr, Patience, LabelFraction, Seed, TorchThreads) =
            (epochs, batchSize, headLr, backboneLr, patience, labelFraction, seed, torchThreads);
    }

    public int Epochs { get; }
    public int BatchSize { get; }
    public double HeadLr { get; }
    public double BackboneLr { get; }
    public int Patience { get; }
    public double LabelFraction { get; }
    public int Seed { get; }
    public int TorchThreads { get; }
}
