using Pipeline.Engine;

// ImageNet ResNet-18 (weights from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package) on 2.5-D slices.
partial class Build
{
    static readonly string[] ImageNetParams = ["imagenet.batch_size", "train"];

    Stage ImageNetHead => _ => TorchStage(_)
        .Description("Frozen ImageNet ResNet-18 + trained head on 2.5-D BT slices")
        .Project("stages/ImageNetHead")
        .Input("bt", PreprocessBt)
        .Params([.. ImageNetParams, "imagenet.image_size", "imagenet.slices", "imagenet.slice_spacing", "imagenet.head"])
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage ImageNetFineTune => _ => TorchStage(_)
        .Description("ImageNetHead's classifier with the ResNet-18 backbone fine-tuned at a lower learning rate")
        .Project("stages/ImageNetFineTune")
        .Input("bt", PreprocessBt)
        .Input("head", ImageNetHead)
        .Params([.. ImageNetParams, "imagenet.finetune"]) // image sampling: the head's model.json
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");
}
