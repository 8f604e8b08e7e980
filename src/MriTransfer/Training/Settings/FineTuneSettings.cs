namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>finetune.*</c>: FineTune's epochs, head learning rate (the encoder's is that × <see cref="EncoderLrMultiplier"/>),
/// the encoder blocks it unfreezes (0 = all, else the last K) and its linear warm-up. TrainScratch reads
/// <c>finetune.epochs</c> too: it trains for classifier.epochs + finetune.epochs, the same budget.
/// </summary>
public sealed record FineTuneSettings(int Epochs, double Lr, double EncoderLrMultiplier, int UnfreezeBlocks, int WarmupEpochs);
