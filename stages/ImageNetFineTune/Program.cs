using MriTransfer.Models.ImageNet;
using MriTransfer.Training.ImageNet;
using Pipeline.StageKit;

// ImageNetFineTune: starts from ImageNetHead's output, unfreezes the backbone (lower learning rate) and trains on.
return StageHost.Run(args, context =>
{
    var p = context.Params;
    var settings = new SliceTrainingSettings(
        epochs: p.GetInt("imagenet.finetune.epochs"), batchSize: p.GetInt("imagenet.batch_size"),
        headLr: p.GetDouble("imagenet.finetune.lr"), backboneLr: p.GetDouble("imagenet.finetune.backbone_lr"),
        patience: p.GetInt("imagenet.finetune.patience"),
        labelFraction: p.GetDouble("train.label_fraction"), seed: p.GetInt("train.seed"),
        torchThreads: p.GetInt("runtime.torch_threads"));
    var result = ImageNetFineTuning.Run(context.Args.Input("bt"), context.Args.Input("head"), context.OutputDir, settings, context.Progress, context.Log);
    context.Log($"best epoch {result.BestEpoch}; {result.StopReason}");
    return StageHost.Ok;
});
