using Pipeline.Engine;

// The in-domain self-pretraining control (issue 14, 5a): the same autoencoder, pretrained without labels on the BT
// train images (early stopping on BT val; BT test is never read), then the same head and fine-tune stages as the AD
// route. It tells "AE pretraining does not cross the AD→BT gap" from "AE pretraining does not help at all".
// Same stage projects and params as Pretrain → ExportEncoder → TrainHead → FineTune; only the input cohort differs.
partial class Build
{
    Stage PretrainBt => _ => PretrainOn(_, PreprocessBt)
        .Description("Control: the same autoencoder pretrained on the BT train images (no labels), early stopping on BT val");

    Stage ExportEncoderBt => _ => ExportOf(_, PretrainBt)
        .Description("Control: exports the BT-pretrained encoder");

    Stage TrainHeadBt => _ => HeadOn(_, ExportEncoderBt)
        .Description("Control: frozen BT-pretrained encoder + trained head (variant bt_head)")
        .Plots("history.csv");

    Stage FineTuneBt => _ => FineTuneOf(_, TrainHeadBt)
        .Description("Control: TrainHeadBt's classifier fine-tuned, the same budget as FineTune (variant bt_finetune)")
        .Plots("history.csv");
}
