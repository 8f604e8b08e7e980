using Pipeline.Engine;

partial class Build
{
    Stage Synthesize => _ => _
        .Description("Generates the embedded synthetic AD and BT cohorts (NIfTI + manifest.csv), AD = 3 × BT by default")
        .Project("stages/Synthesize")
        .Params("synthesize")
        .Outputs("ad/manifest.csv", "bt/manifest.csv", "synthesis.json");
}
