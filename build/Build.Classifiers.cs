using Pipeline.Engine;

// The three autoencoder-family variants compared on BT: frozen encoder + head, fine-tuned, and from scratch.
partial class Build
{
    static readonly string[] ClassifierParams = ["classifier", "model", "train", "runtime.torch_threads"];

    Stage TrainHead => _ => _
        .Description("Frozen AD-pretrained encoder + trained head on the BT train split")
        .Project("stages/TrainHead")
        .Input("encoder", ExportEncoder)
        .Input("bt", PreprocessBt)
        .Params(ClassifierParams)
        .Threads("runtime.torch_threads")
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage FineTune => _ => _
        .Description("TrainHead's classifier with the encoder unfrozen (all or the last K blocks)")
        .Project("stages/FineTune")
        .Input("head", TrainHead)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune"])
        .Threads("runtime.torch_threads")
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage TrainScratch => _ => _
        .Description("The same classifier from random weights with the same epoch budget: the baseline")
        .Project("stages/TrainScratch")
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune.epochs"]) // budget = classifier.epochs + finetune.epochs
        .Threads("runtime.torch_threads")
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    static readonly string[] ClassifierOutputs = ["model.json", "model.pt", "history.csv", "training.json"];
}
