namespace MriTransfer.Training.Settings;

/// <summary>
/// FineTune: the classifier settings plus <c>finetune.*</c>: epochs (1..10000, default 8), lr (head lr, default 3e-4),
/// encoder_lr_multiplier (encoder lr = lr × this, (0, 10], default 0.1), unfreeze_blocks (0 = all blocks, else the
/// last K, 0..6, default 0), warmup_epochs (linear lr warm-up, 0..100, default 2).
/// TrainScratch reads <c>finetune.epochs</c> too: it trains for classifier.epochs + finetune.epochs, the same budget.
/// </summary>
public sealed record FineTuneSettings(ClassifierSettings Classifier, int Epochs, double HeadLearningRate, double EncoderLrMultiplier, int UnfreezeBlocks, int WarmupEpochs)
{
    public static FineTuneSettings Read(ParamSource source)
    {
        var p = new ParamReader(source);
        var classifier = ClassifierSettings.Read(p);
        var settings = new FineTuneSettings(
            classifier,
            p.Int("finetune.epochs", 8, 1, 10000),
            p.Double("finetune.lr", 3e-4, 0, 1, minExclusive: true),
            p.Double("finetune.encoder_lr_multiplier", 0.1, 0, 10, minExclusive: true),
            p.Int("finetune.unfreeze_blocks", 0, 0, 6),
            p.Int("finetune.warmup_epochs", 2, 0, 100));
        if (settings.UnfreezeBlocks > classifier.Model.Channels.Count)
            p.Problem($"finetune.unfreeze_blocks = {settings.UnfreezeBlocks} exceeds the encoder's {classifier.Model.Channels.Count} blocks (model.channels); use 0 for all");
        p.ThrowIfAny("FineTune");
        return settings;
    }

    /// <summary>TrainScratch's settings: the same classifier trained for the whole transfer budget (head + fine-tune epochs).</summary>
    public static ClassifierSettings ReadScratch(ParamSource source)
    {
        var p = new ParamReader(source);
        var classifier = ClassifierSettings.Read(p);
        var fineTuneEpochs = p.Int("finetune.epochs", 8, 1, 10000);
        p.ThrowIfAny("TrainScratch");
        return classifier with { Epochs = classifier.Epochs + fineTuneEpochs };
    }
}
