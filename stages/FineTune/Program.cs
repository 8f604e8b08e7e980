using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// FineTune: TrainHead's classifier with (the last K blocks of) its encoder unfrozen.
// --input head=<TrainHead output> --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args,
    p => (Classifier: new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"),
            p.Bind<OptimizerSettings>("classifier"), p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime")),
        FineTune: p.Bind<FineTuneSettings>("finetune")),
    (ctx, settings) =>
    {
        FineTuning.Run(ctx.Input("head"), ctx.Input("bt"), ctx.OutputDir, settings.Classifier, settings.FineTune, ctx.Progress, ctx.Log);
        return StageHost.Ok;
    });
