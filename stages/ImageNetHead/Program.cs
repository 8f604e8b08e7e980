using MriTransfer.Models.ImageNet;
using MriTransfer.Training.ImageNet;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// ImageNetHead: frozen ImageNet ResNet-18 + trained linear head on 2.5-D slices of the BT cohort.
return StageHost.Run(args,
    p => (Sampling: p.Bind<SliceSampling>("imagenet"),
        Training: SliceTrainingSettings.Head(p.Bind<ImageNetHeadSettings>("imagenet.head"), p.Get<int>("imagenet.batch_size"),
            p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime"))),
    (ctx, settings) =>
    {
        var result = ImageNetHeadTraining.Run(ctx.Input("bt"), ctx.OutputDir, settings.Sampling, settings.Training, ctx.Progress, ctx.Log);
        ctx.Log($"best epoch {result.BestEpoch}; {result.StopReason}");
        return StageHost.Ok;
    });
