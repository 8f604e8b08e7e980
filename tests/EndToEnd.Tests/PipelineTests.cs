using Snapshooter;
using Snapshooter.Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// The whole pipeline through build.sh on tiny profiles. What does not depend on floating-point order (splits,
/// preprocessing summaries, cohort hashes, what reran and why) is snapshotted exactly; metrics.json is compared with
/// its snapshot within the tolerance measured per metric family (MetricTolerances), so a change that moves a number
/// fails here with the old and new values on any x86-64 CPU (README, "Reviewing a change that moves a metric").
/// </summary>
public class PipelineTests(PipelineWorkspace workspace) : IClassFixture<PipelineWorkspace>
{
    [Fact]
    public void The_3d_pipeline_matches_its_metrics_snapshot_reruns_nothing_and_a_finetune_lr_change_reruns_only_its_downstream()
    {
        // Given the tiny 3-D profile, when the default target runs
        workspace.UseProfile("tiny-3d.yaml");
        var first = workspace.Build();

        // Then it succeeds, writes the report, and its data and metrics match their snapshots
        Assert.True(first.Exit == 0, first.Output);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "out/Report/report.html")), first.Output);
        Snapshot.Match(DataSnapshot.Of(workspace.Root), SnapshotNameExtension.Create("3d-data"));
        ToleranceSnapshot.Match(Path.Combine(workspace.Root, "out/Evaluate/metrics.json"), "metrics-3d");

        // When it runs again, then nothing runs
        var second = workspace.Build();
        Assert.True(second.Exit == 0, second.Output);
        Assert.Empty(PipelineWorkspace.StagesRun(second.Output));

        // When finetune.lr changes, then exactly the two fine-tune arms (AD and the BT control) and what depends on them run
        workspace.EditParams("finetune: { lr: 0.001,", "finetune: { lr: 0.002,");
        var third = workspace.Build();
        Assert.True(third.Exit == 0, third.Output);
        Assert.Equal(["Evaluate", "FineTune", "FineTuneBt", "Report"], PipelineWorkspace.StagesRun(third.Output).Order());
    }

    [Fact]
    public void The_2d_pipeline_matches_its_metrics_snapshot()
    {
        // Given the tiny profile in 2-D mode (slice stacks, 2-D models), when the default target runs
        workspace.UseProfile("tiny-2d.yaml");
        var run = workspace.Build();

        // Then it succeeds and its data and metrics match their snapshots
        Assert.True(run.Exit == 0, run.Output);
        Snapshot.Match(DataSnapshot.Of(workspace.Root), SnapshotNameExtension.Create("2d-data"));
        ToleranceSnapshot.Match(Path.Combine(workspace.Root, "out/Evaluate/metrics.json"), "metrics-2d");
    }

    [Fact]
    public void Build_ps1_runs_the_same_build_from_PowerShell()
    {
        // Given PowerShell (the dotnet tool, installed into .build/tools when missing) and the tiny profile
        var pwsh = workspace.PowerShell();
        workspace.UseProfile("tiny-3d.yaml");

        // When build.ps1 asks for the status of every stage
        var status = workspace.Run(pwsh, "-NoProfile", "-NonInteractive", "-File", "build.ps1", "Status");

        // Then it builds and runs the build project and lists the stages
        Assert.True(status.Exit == 0, status.Output);
        Assert.Contains("Report", status.Output);
        Assert.Contains("Pretrain", status.Output);
    }

    [Fact]
    public void The_learning_curve_runs_every_cell_and_adding_a_seed_runs_only_the_new_cells()
    {
        // Given the tiny profile with one training seed and two pretraining seeds, when the LearningCurve target runs
        workspace.UseProfile("tiny-3d.yaml");
        var first = workspace.Build("LearningCurve");

        // Then every (fraction, seed) cell of head, fine-tune, scratch and the BT control's head and fine-tune ran, the
        // pretrained arms from each pretraining seed's encoder (the AD and the BT autoencoder pretrained once more each),
        // and the report includes the curve
        Assert.True(first.Exit == 0, first.Output);
        var curve = File.ReadAllLines(Path.Combine(workspace.Root, "out/LearningCurveSummary/learning_curve.csv"));
        foreach (var (variant, pretrainSeeds) in new[] { ("head", 2), ("finetune", 2), ("scratch", 0), ("bt_head", 2), ("bt_finetune", 2) })
            foreach (var fraction in new[] { "0.5", "1" })
                Assert.Single(curve, l => l.StartsWith($"{variant},{fraction},1,", StringComparison.Ordinal) && l.EndsWith($",{pretrainSeeds}", StringComparison.Ordinal));
        var firstRan = PipelineWorkspace.StagesRun(first.Output);
        Assert.Contains("PretrainCurve/pretrain_seed-1", firstRan);
        Assert.Contains("FineTuneCurve/pretrain_seed-1_fraction-0.5_seed-0", firstRan);
        Assert.Contains("PretrainBtCurve/pretrain_seed-1", firstRan);
        Assert.Contains("BtFineTuneCurve/pretrain_seed-1_fraction-0.5_seed-0", firstRan);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "out/LearningCurveReport/plots/learning_curve.png")), first.Output);

        // When a second training seed is added, then only the new cells (and the summary and its report) run
        workspace.EditParams("learning_curve: { fractions: [0.5, 1.0], seeds: [0], pretrain_seeds: [0, 1] }",
            "learning_curve: { fractions: [0.5, 1.0], seeds: [0, 1], pretrain_seeds: [0, 1] }");
        var second = workspace.Build("LearningCurve");
        Assert.True(second.Exit == 0, second.Output);
        var ran = PipelineWorkspace.StagesRun(second.Output);
        // scratch × 2 fractions + (head, finetune, bt_head, bt_finetune) × 2 pretraining seeds × 2 fractions
        Assert.Equal(18, ran.Count(id => id.EndsWith("_seed-1", StringComparison.Ordinal)));
        Assert.DoesNotContain(ran, id => id.EndsWith("_seed-0", StringComparison.Ordinal));
        Assert.Equal(["LearningCurveReport", "LearningCurveSummary"], ran.Where(id => !id.Contains('/')).Order());
    }

    [Fact]
    public void A_cohort_image_that_changes_while_its_manifest_does_not_reruns_the_preprocessing()
    {
        // Given the tiny profile preprocessed
        workspace.UseProfile("tiny-3d.yaml");
        Assert.True(workspace.Build("PreprocessBt").Exit == 0);

        // When the synthetic images change but not their manifest (another lesion difficulty), then PreprocessBt reruns
        workspace.EditParams("difficulty: 0.2", "difficulty: 0.6");
        var synthetic = workspace.Build("PreprocessBt");
        Assert.True(synthetic.Exit == 0, synthetic.Output);
        Assert.Contains("PreprocessBt", PipelineWorkspace.StagesRun(synthetic.Output));

        // Given the researcher's own manifest (here the synthesized one) preprocessed
        workspace.EditParams("data: { ad: \"\", bt: \"\" }", "data: { ad: \"\", bt: out/Synthesize/bt/manifest.csv }");
        Assert.True(workspace.Build("PreprocessBt").Exit == 0);

        // When one image beside it is replaced, then the dry run names that image as the reason to rerun
        var images = Directory.GetFiles(Path.Combine(workspace.Root, "out/Synthesize/bt/images")).Order(StringComparer.Ordinal).ToArray();
        File.Delete(images[0]); // a new file, not a write into the inode the run cache shares
        File.Copy(images[1], images[0]);
        var dry = workspace.Build("PreprocessBt", "--dry-run");
        Assert.True(dry.Exit == 0, dry.Output);
        Assert.Contains($"PreprocessBt: waiting — would run: dependency out/Synthesize/bt/images/{Path.GetFileName(images[0])} changed", dry.Output);
    }
}
