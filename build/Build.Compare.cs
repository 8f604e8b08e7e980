using Pipeline.Engine;

partial class Build
{
    /// <summary>Not in the default run: <c>./build.sh Compare --compare e1,e2</c> writes the runs file it reads.</summary>
    Stage Compare => _ => _
        .Description("compare.html: recorded experiments side by side, metric deltas with paired CIs (--compare ID1,ID2)")
        .Project("stages/Compare")
        .Input("runs", ".pipeline/compare/runs.json")
        .Outputs("compare.html", "compare.md");
}
