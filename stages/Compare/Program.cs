using MriTransfer.Reporting;
using Pipeline.StageKit;

// Compare: compare.html and compare.md with recorded experiments side by side and paired metric deltas.
// --input runs=<the runs file the engine writes for ./build.sh Compare --compare ID1,ID2>.
return StageHost.Run(args, ctx =>
{
    var doc = ComparisonReport.Run(ctx.Input("runs"), ctx.OutputDir);
    ctx.Log($"comparison written: {doc.Title}");
    return StageHost.Ok;
});
