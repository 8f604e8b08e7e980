using MriTransfer.Training;
using MriTransfer.Training.Settings;
using Pipeline.StageKit;

// TrainScratch: the same classifier from random weights, for the head + fine-tune epoch budget.
// --input bt=<Preprocess output of the BT cohort>
return StageHost.Run(args,
    p => (Classifier: new ClassifierSettings(p.Bind<ModelSettings>("model"), p.Bind<ClassifierOptions>("classifier"),
            p.Bind<OptimizerSettings>("classifier"), p.Bind<TrainSettings>("train"), p.Bind<RuntimeSettings>("runtime")),
        FineTuneEpochs: p.Get<int>("finetune.epochs")),
    (ctx, settings) =>
    {
        ScratchTraining.Run(ctx.Input("bt"), ctx.OutputDir, settings.Classifier, settings.FineTuneEpochs, ctx.Progress, ctx.Log);
        return StageHost.Ok;
    });
