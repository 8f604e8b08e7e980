using Pipeline.Engine;

partial class Build
{
    Stage PreprocessAd => _ => _
        .Description("Reorients, resamples, crops and normalises the AD cohort; train/val split by patient")
        .Project("stages/Preprocess")
        .Input("manifest", Synthesize, "ad/manifest.csv")
        .Params("preprocess", "preprocess_ad")
        .Outputs("index.csv", "splits.csv", "summary.json", "qc.png")
        .Plots("qc.png");

    Stage PreprocessBt => _ => _
        .Description("Preprocesses the BT cohort; train/val/test split by patient and nested label fractions")
        .Project("stages/Preprocess")
        .Input("manifest", Synthesize, "bt/manifest.csv")
        .Params("preprocess", "preprocess_bt")
        .Outputs("index.csv", "splits.csv", "label_fractions.csv", "summary.json", "qc.png")
        .Plots("qc.png");
}
