using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// Pretrain: autoencoder on the AD train split (early stopping on AD val).
// --input ad=<Preprocess output of the AD cohort>. Resumable state lives in the engine's resume folder for this instance.
return StageHost.Run(args,
    p => new PretrainSettings(p.Bind<EncoderSettings>("model"), p.Bind<PretrainOptions>("pretrain"), p.Bind<OptimizerSettings>("pretrain"),
        p.Bind<RuntimeSettings>("runtime")),
    (ctx, settings) =>
    {
        Pretraining.Run(ctx.Input("ad"), ctx.OutputDir, settings, ctx.Progress, ctx.ResumeDir, log: ctx.Log);
        return StageHost.Ok;
    });
