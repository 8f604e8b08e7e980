using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// The tiny profile's pipeline through build.sh with --executor slurm on a real cluster (CI starts a one-node one with
/// .ci/slurm-cluster.sh and exports SLURM_CONF). Where no cluster answers, these tests are skipped with the reason.
/// </summary>
public sealed partial class SlurmPipelineTests(PipelineWorkspace workspace) : IClassFixture<PipelineWorkspace>
{
    private static readonly Lazy<string?> NoCluster = new(() =>
    {
        if (PipelineWorkspace.FindOnPath("sinfo") is null) return "Slurm is not installed (no sinfo on PATH); .ci/run installs it and starts a one-node cluster";
        using var sinfo = Process.Start(new ProcessStartInfo("timeout", ["20", "sinfo", "--noheader", "--format=%t"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var states = sinfo.StandardOutput.ReadToEnd() + sinfo.StandardError.ReadToEnd();
        sinfo.WaitForExit();
        return sinfo.ExitCode == 0 && Regex.IsMatch(states, @"\b(idle|mix|alloc)\b") ? null : $"no usable Slurm cluster answers (sinfo: {states.Trim()}); start one with .ci/slurm-cluster.sh";
    });

    [GeneratedRegex(@"^  \S+ +done +[0-9:.]+ +job \d+ on \S+", RegexOptions.Multiline)]
    private static partial Regex DoneAsJob();

    private void UseSlurm()
    {
        Skip.If(NoCluster.Value is not null, NoCluster.Value);
        workspace.UseProfile("tiny-3d.yaml");
        File.WriteAllText(Path.Combine(workspace.Root, ".nuke/parameters.json"),
            """{ "Target": "Report", "Params": "params.yaml", "slurm": { "poll_seconds": 1 } }""");
    }

    [SkippableFact]
    public void The_learning_curve_on_slurm_gives_the_local_metrics_byte_for_byte_and_a_second_run_submits_nothing()
    {
        // Given the tiny profile, when the learning curve runs on Slurm
        UseSlurm();
        var slurm = workspace.Build("LearningCurve", "--executor", "slurm");

        // Then every stage that ran was a Slurm job named in the summary, and the curve was written
        Assert.True(slurm.Exit == 0, slurm.Output);
        var ran = PipelineWorkspace.StagesRun(slurm.Output);
        Assert.NotEmpty(ran);
        Assert.Equal(ran.Count, DoneAsJob().Matches(slurm.Output).Count);
        var curve = Path.Combine(workspace.Root, "out/LearningCurveSummary/learning_curve.json");
        var onSlurm = File.ReadAllBytes(curve);

        // When it runs again on Slurm, then nothing is submitted
        var again = workspace.Build("LearningCurve", "--executor", "slurm");
        Assert.True(again.Exit == 0, again.Output);
        Assert.Empty(PipelineWorkspace.StagesRun(again.Output));
        Assert.DoesNotContain("queued as Slurm job", again.Output);

        // When the cells and the summary run again locally, then the curve is byte for byte the same
        var local = workspace.Build("LearningCurve", "--no-run-cache", "--force", "HeadCurve,FineTuneCurve,ScratchCurve,LearningCurveSummary");
        Assert.True(local.Exit == 0, local.Output);
        Assert.DoesNotMatch(DoneAsJob(), local.Output);
        Assert.Equal(onSlurm, File.ReadAllBytes(curve));
    }

    [SkippableFact]
    public void Killing_build_sh_while_a_job_runs_cancels_it_publishes_nothing_and_the_rerun_recovers()
    {
        // Given Synthesize built and run once (so the forced Slurm run below submits at once), and a Slurm run of it in progress
        UseSlurm();
        var first = workspace.Build("Synthesize");
        Assert.True(first.Exit == 0, first.Output);
        var before = Directory.Exists(Path.Combine(workspace.Root, "out/Synthesize"));
        var ledger = Path.Combine(workspace.Root, ".pipeline/slurm-jobs.tsv");
        var start = new ProcessStartInfo("bash", ["build.sh", "--plain", "Synthesize", "--executor", "slurm", "--force", "Synthesize"])
            { WorkingDirectory = workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(ledger) && clock.Elapsed < TimeSpan.FromMinutes(10)) Thread.Sleep(100);
            Assert.True(File.Exists(ledger), "no job was submitted");
        }
        finally
        {
            if (!File.Exists(ledger) && !build.HasExited) { build.Kill(entireProcessTree: true); build.WaitForExit(); } // free the workspace for the other tests
        }
        var job = File.ReadAllLines(ledger)[0].Split('\t')[0];

        // When build.sh is terminated (it execs the engine, so the signal reaches it)
        Process.Start("kill", ["-TERM", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        // Then the job is cancelled, nothing is half-published, and the exit code is 130
        Assert.True(build.WaitForExit(TimeSpan.FromMinutes(2)), "build.sh did not stop");
        Assert.True(build.ExitCode == 130, output.Result);
        Assert.Contains($"interrupted: Slurm job {job} cancelled with scancel", output.Result);
        var staging = Path.Combine(workspace.Root, "out/.staging");
        Assert.True(!Directory.Exists(staging) || Directory.GetFileSystemEntries(staging).Length == 0, string.Join(", ", Directory.GetFileSystemEntries(staging)));
        Assert.Equal(before, Directory.Exists(Path.Combine(workspace.Root, "out/Synthesize")));

        // When it runs again, then it recovers
        var rerun = workspace.Build("Synthesize", "--executor", "slurm");
        Assert.True(rerun.Exit == 0, rerun.Output);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "out/Synthesize/bt/manifest.csv")), rerun.Output);
    }
}
