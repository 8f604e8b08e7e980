using Pipeline.Engine;

partial class Build
{
    /// <summary>Validated params, filled in by the engine before the stages are declared.</summary>
    ParamValues? Params { get; set; }

    Stage PreprocessAd => _ => _
        .Description("Reorients, resamples, crops and normalises the AD cohort; train/val split by patient")
        .Project("stages/Preprocess")
        .Cohort(OwnCohort("data.ad"), Synthesize, "ad/manifest.csv")
        .Params("preprocess", "preprocess_ad")
        .Threads("preprocess.workers")
        .Outputs("index.csv", "splits.csv", "summary.json", "qc.png")
        .Metrics("summary.json")
        .Plots("qc.png");

    Stage PreprocessBt => _ => _
        .Description("Preprocesses the BT cohort; train/val/test split by patient and nested label fractions")
        .Project("stages/Preprocess")
        .Cohort(OwnCohort("data.bt"), Synthesize, "bt/manifest.csv")
        .Params("preprocess", "preprocess_bt")
        .Threads("preprocess.workers")
        .Outputs("index.csv", "splits.csv", "label_fractions.csv", "summary.json", "qc.png")
        .Metrics("summary.json")
        .Plots("qc.png");

    /// <summary>The researcher's own cohort when params name one (a manifest.csv, a folder holding one, or class folders).</summary>
    string? OwnCohort(string key) => Params is { } p && p.Has(key) && p.GetString(key) is { Length: > 0 } path ? path : null;
}

static class CohortDeclarations
{
    /// <summary>Reads the user's own cohort when given, else the embedded synthetic one.</summary>
    public static StageDefinition Cohort(this StageDefinition stage, string? ownPath, Stage synthesize, string synthesizedManifest) =>
        ownPath is null ? stage.Input("manifest", synthesize, synthesizedManifest) : stage.Input("manifest", ownPath);
}
