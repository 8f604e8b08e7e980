namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>finetune.*</c>: FineTune's head learning rate (the encoder's is that × <see cref="EncoderLrMultiplier"/>), the
/// grid it is chosen from on BT val (<see cref="LrGrid"/>; empty = <see cref="Lr"/>) and the encoder blocks it unfreezes
/// (0 = all, else the last K). Its epochs, warm-up, schedule and batches are
/// <c>classifier.*</c>'s, the same as TrainScratch's, so the two arms take the same gradient steps on the same subjects.
/// </summary>
public sealed record FineTuneSettings(double Lr, IReadOnlyList<double> LrGrid, double EncoderLrMultiplier, int UnfreezeBlocks);
