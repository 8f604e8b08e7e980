using Pipeline.Engine;

// The three autoencoder-family variants compared on BT: frozen encoder + head, fine-tuned, and from scratch.
partial class Build
{
    static readonly string[] ClassifierParams = ["classifier", "model", "train"];

    Stage TrainHead => _ => TorchStage(_)
        .Description("Frozen AD-pretrained encoder + trained head on the BT train split")
        .Project("stages/TrainHead")
        .Input("encoder", ExportEncoder)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "head"])
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage FineTune => _ => TorchStage(_)
        .Description("TrainHead's classifier with the encoder unfrozen (all or the last K blocks)")
        .Project("stages/FineTune")
        .Input("head", TrainHead)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune"])
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage TrainScratch => _ => TorchStage(_)
        .Description("The same classifier from random weights, FineTune's epochs, schedule and batches: the baseline")
        .Project("stages/TrainScratch")
        .Input("bt", PreprocessBt)
        .Params(ClassifierParams) // the same classifier.* budget as FineTune
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    static readonly string[] ClassifierOutputs = ["model.json", "model.pt", "history.csv", "training.json"];
}
