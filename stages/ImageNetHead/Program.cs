using MriTransfer.Models.ImageNet;
using MriTransfer.Training.ImageNet;
using Pipeline.StageKit;

// ImageNetHead: frozen ImageNet ResNet-18 + trained linear head on 2.5-D slices of the BT cohort.
return StageHost.Run(args, context =>
{
    var p = context.Params;
    var sampling = new SliceSampling(p.GetInt("imagenet.image_size"), p.GetInt("imagenet.slices"), p.GetInt("imagenet.slice_spacing"));
    var settings = new SliceTrainingSettings(
        epochs: p.GetInt("imagenet.head.epochs"), batchSize: p.GetInt("imagenet.batch_size"),
        headLr: p.GetDouble("imagenet.head.lr"), backboneLr: 0, patience: p.GetInt("imagenet.head.patience"),
        labelFraction: p.GetDouble("train.label_fraction"), seed: p.GetInt("train.seed"),
        torchThreads: p.GetInt("runtime.torch_threads"));
    var result = ImageNetHeadTraining.Run(context.Args.Input("bt"), context.OutputDir, sampling, settings, context.Progress, context.Log);
    context.Log($"best epoch {result.BestEpoch}; {result.StopReason}");
    return StageHost.Ok;
});
