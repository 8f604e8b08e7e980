using MriTransfer.Training.Settings;

namespace MriTransfer.Training.ImageNet;

/// <summary><c>imagenet.head.*</c>: epochs, learning rate and early-stopping patience of the head on frozen features.</summary>
public sealed record ImageNetHeadSettings(int Epochs, double Lr, int Patience);

/// <summary>
/// <c>imagenet.finetune.*</c>: the same for fine-tuning, with the backbone's own learning rate (0 keeps it frozen) for its
/// deepest stage and <paramref name="LayerDecay"/> times less per stage towards the input (layer-wise learning rates).
/// </summary>
public sealed record ImageNetFineTuneSettings(int Epochs, double Lr, double BackboneLr, double LayerDecay, int Patience);

/// <summary>
/// The loop's settings for one ImageNet variant: <paramref name="BackboneLr"/> is 0 for the frozen-backbone head;
/// <paramref name="LabelFraction"/> picks the nested subset of BT train subjects and <paramref name="Seed"/> is train.seed.
/// </summary>
public sealed record SliceTrainingSettings(int Epochs, int BatchSize, double HeadLr, double BackboneLr, int Patience,
    double LabelFraction, int Seed, int TorchThreads, double LayerDecay = 1)
{
    /// <summary>Learning rate of a backbone group <paramref name="fromTop"/> stages below the deepest (0 = the deepest).</summary>
    public double BackboneLrAt(int fromTop) => BackboneLr * Math.Pow(LayerDecay, fromTop);

    public static SliceTrainingSettings Head(ImageNetHeadSettings head, int batchSize, TrainSettings train, RuntimeSettings runtime) =>
        new(head.Epochs, batchSize, head.Lr, 0, head.Patience, train.LabelFraction, train.Seed, runtime.TorchThreads);

    public static SliceTrainingSettings FineTune(ImageNetFineTuneSettings fineTune, int batchSize, TrainSettings train, RuntimeSettings runtime) =>
        new(fineTune.Epochs, batchSize, fineTune.Lr, fineTune.BackboneLr, fineTune.Patience, train.LabelFraction, train.Seed, runtime.TorchThreads,
            fineTune.LayerDecay);
}
