using Pipeline.Engine;

// The in-domain self-pretraining control (issue 14, 5a): the same autoencoder, pretrained without labels on the BT
// train images (early stopping on BT val; BT test is never read), then the same head and fine-tune stages as the AD
// route. It tells "AE pretraining does not cross the AD→BT gap" from "AE pretraining does not help at all".
// Same stage projects and params as Pretrain → ExportEncoder → TrainHead → FineTune; only the input cohort differs.
partial class Build
{
    Stage PretrainBt => _ => TorchStage(_)
        .Description("Control: the same autoencoder pretrained on the BT train images (no labels), early stopping on BT val")
        .Project("stages/Pretrain")
        .Input("ad", PreprocessBt) // the Pretrain app's unlabelled cohort; it reads only the train and val splits
        .Params([.. PretrainParamKeys])
        .Outputs("autoencoder.pt", "last.pt", "model.json", "history.csv")
        .Plots("history.csv");

    Stage ExportEncoderBt => _ => _
        .Description("Control: exports the BT-pretrained encoder")
        .Project("stages/ExportEncoder")
        .Input("pretrain", PretrainBt)
        .Outputs("encoder.pt", "encoder.safetensors", "model_card.json");

    Stage TrainHeadBt => _ => TorchStage(_)
        .Description("Control: frozen BT-pretrained encoder + trained head (variant bt_head)")
        .Project("stages/TrainHead")
        .Input("encoder", ExportEncoderBt)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "head"])
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");

    Stage FineTuneBt => _ => TorchStage(_)
        .Description("Control: TrainHeadBt's classifier fine-tuned, the same budget as FineTune (variant bt_finetune)")
        .Project("stages/FineTune")
        .Input("head", TrainHeadBt)
        .Input("bt", PreprocessBt)
        .Params([.. ClassifierParams, "finetune"])
        .Outputs(ClassifierOutputs)
        .Plots("history.csv");
}
