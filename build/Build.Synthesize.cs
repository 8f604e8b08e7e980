using Pipeline.Engine;

partial class Build
{
    Stage Synthesize => _ => _
        .Description("Generates the embedded synthetic AD and BT cohorts (NIfTI + manifest.csv), AD = 3 × BT by default")
        .Project("stages/Synthesize")
        // preprocess_bt.test_fraction: the share of BT scans drawn from synthesize.test_seed as the predefined test split.
        .Params("synthesize", "preprocess_bt.test_fraction")
        .Outputs("ad/manifest.csv", "bt/manifest.csv", "synthesis.json");

    /// <summary>
    /// The test seed's rules, at params validation (the stage checks them again when it binds, in
    /// <c>SyntheticCohortSettings.Validate</c>): its own seed, a test patient and a train and val patient per class (4 classes).
    /// </summary>
    static readonly ParamCheck[] SynthesisChecks =
    [
        ParamCheck.Custom(["synthesize.test_seed", "synthesize.seed", "synthesize.bt_subjects", "preprocess_bt.test_fraction"], values =>
        {
            var problems = new List<string>();
            var subjects = values.GetInt("synthesize.bt_subjects");
            var test = (long)Math.Round(subjects * values.GetDouble("preprocess_bt.test_fraction"), MidpointRounding.AwayFromZero);
            if (values.GetInt("synthesize.test_seed") == values.GetInt("synthesize.seed"))
                problems.Add("'synthesize.test_seed' equals 'synthesize.seed'; the BT test patients need a seed of their own, which no tuning saw");
            if (test < 4)
                problems.Add($"'synthesize.bt_subjects' × 'preprocess_bt.test_fraction' gives {test} BT test scans; 'synthesize.test_seed' needs at least 4 (one per class)");
            if (subjects - test < 8)
                problems.Add($"'synthesize.bt_subjects' leaves {subjects - test} BT train/val scans beside the test scans; at least 8 are needed (a train and a val patient per class)");
            return problems;
        }),
    ];
}
