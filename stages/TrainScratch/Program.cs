using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainScratch: the same classifier from random weights, with FineTune's epochs, schedule and batches.
// --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args,
    p => new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"),
        p.Bind<OptimizerSettings>("classifier"), p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime")),
    (ctx, settings) =>
    {
        ScratchTraining.Run(ctx.Input("bt"), ctx.OutputDir, settings, ctx.Progress, ctx.Log);
        return StageHost.Ok;
    });
