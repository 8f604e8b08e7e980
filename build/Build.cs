using Pipeline.Engine;

// The pipeline definition (Nuke style). This file holds only the entry point; each stage is declared in its own
// Build.<Stage>.cs as a `Stage` property, groups as `Target` properties, and the params schema in Build.Params.cs
// as `ParamSpec[]` members. See README.md, "Declaring the pipeline".
partial class Build
{
    public static int Main(string[] args) => Engine.Run<Build>(args);

    /// <summary>What <c>./build.sh Experiments</c> shows for each recorded run: every variant's balanced accuracy with its CI.</summary>
    static readonly HeadlineMetric[] Headlines =
        [HeadlineMetric.Json("metrics/Evaluate/metrics.json", "variants.*.balanced_accuracy", ci: "variants.*.balanced_accuracy_ci", label: "* bal_acc")];
}
