using Pipeline.Engine;

// The three autoencoder-family variants compared on BT: frozen encoder + head, fine-tuned, and from scratch.
partial class Build
{
    static readonly string[] ClassifierParams = ["classifier", "model", "train", SampleMemoryKey];

    Stage TrainHead => _ => HeadOn(_, ExportEncoder)
        .Description("Frozen AD-pretrained encoder + trained head on the BT train split")
        .Plots("history.csv");

    Stage FineTune => _ => FineTuneOf(_, TrainHead)
        .Description("TrainHead's classifier with the encoder unfrozen (all or the last K blocks)")
        .Plots("history.csv");

    Stage TrainScratch => _ => TorchStage(_)
        .Description("The same classifier from random weights, FineTune's epochs, schedule and batches: the baseline")
        .Project("stages/TrainScratch")
        .Input("bt", PreprocessBt)
        .Params(ClassifierParams) // the same classifier.* budget as FineTune
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    /// <summary>The TrainHead app on an exported encoder (frozen; features computed once).</summary>
    StageDefinition HeadOn(StageDefinition stage, Stage encoder) => TorchStage(stage)
        .Project("stages/TrainHead")
        .Input("encoder", encoder)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "head"])
        .Outputs(ClassifierOutputs);

    /// <summary>The FineTune app on a TrainHead-style classifier.</summary>
    StageDefinition FineTuneOf(StageDefinition stage, Stage head) => TorchStage(stage)
        .Project("stages/FineTune")
        .Input("head", head)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune"])
        .Outputs(ClassifierOutputs);

    static readonly string[] ClassifierOutputs = ["model.json", "model.pt", "history.csv", "training.json"];
}
