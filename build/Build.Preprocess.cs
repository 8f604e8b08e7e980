using Pipeline.Engine;

partial class Build
{
    /// <summary>Validated params, filled in by the engine before the stages are declared.</summary>
    ParamValues? Params { get; set; }

    Stage PreprocessAd => _ => _
        .Description("Reorients, resamples, crops and normalises the AD cohort; train/val split by patient")
        .Project("stages/Preprocess")
        .Cohort(OwnCohort("data.ad"), Synthesize, "ad")
        .Params("preprocess", "preprocess_ad")
        .Threads("preprocess.workers")
        .Outputs("index.csv", "splits.csv", "summary.json", "qc.png")
        .Metrics("summary.json")
        .Plots("qc.png");

    Stage PreprocessBt => _ => _
        .Description("Preprocesses the BT cohort; train/val/test split by patient and nested label fractions")
        .Project("stages/Preprocess")
        .Cohort(OwnCohort("data.bt"), Synthesize, "bt")
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
    /// <summary>
    /// Reads the user's own cohort when given, else the embedded synthetic one. The images are part of the input, not
    /// only the manifest: a cohort folder is hashed whole, and a manifest file brings its folder along as input
    /// "images" (the stage ignores it), so replacing an image reruns the stage even when the manifest is unchanged.
    /// </summary>
    public static StageDefinition Cohort(this StageDefinition stage, string? ownPath, Stage synthesize, string synthesizedFolder)
    {
        if (ownPath is null) return stage.Input("manifest", synthesize, synthesizedFolder);
        stage.Input("manifest", ownPath);
        var folder = Path.GetDirectoryName(ownPath.Replace('\\', '/').TrimEnd('/'));
        return File.Exists(ownPath) && !string.IsNullOrEmpty(folder) ? stage.Input("images", folder) : stage;
    }
}
