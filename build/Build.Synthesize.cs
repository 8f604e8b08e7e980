using Pipeline.Engine;

partial class Build
{
    Stage Synthesize => _ => _
        .Description("Generates the embedded synthetic AD and BT cohorts (NIfTI + manifest.csv), AD = 3 × BT by default")
        .Project("stages/Synthesize")
        // preprocess_bt.test_fraction: the share of BT scans drawn from synthesize.test_seed as the predefined test split.
        .Params("synthesize", "preprocess_bt.test_fraction")
        .Outputs("ad/manifest.csv", "bt/manifest.csv", "synthesis.json");
}
