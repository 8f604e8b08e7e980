using MriTransfer.Training.ImageNet;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// ImageNetFineTune: starts from ImageNetHead's output (its image sampling included), unfreezes the backbone (lower
// learning rate) and trains on. --input bt=<Preprocess BT> --input head=<ImageNetHead output>
return StageHost.Run(args,
    p => SliceTrainingSettings.FineTune(p.Bind<ImageNetFineTuneSettings>("imagenet.finetune"), p.Get<int>("imagenet.batch_size"),
        p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime")),
    (ctx, settings) =>
    {
        var result = ImageNetFineTuning.Run(ctx.Input("bt"), ctx.Input("head"), ctx.OutputDir, settings, ctx.Progress, ctx.Log);
        ctx.Log($"best epoch {result.BestEpoch}; {result.StopReason}");
        return StageHost.Ok;
    });
