using System.Diagnostics;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Cli;

public sealed class DiffTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _ws.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false" }.Concat(args)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void Given_a_changed_param_when_diffing_against_head_then_old_new_and_delta_are_shown()
    {
        _ws.Run(new ToyBuild(), "Train");
        Git("init", "-q");
        Git("add", "params.yaml", "metrics");
        Git("commit", "-q", "-m", "baseline");
        _ws.Write("params.yaml", _ws.Read("params.yaml").Replace("lr: 0.001", "lr: 0.0003"));

        var (exit, output) = _ws.Run(new ToyBuild(), "ParamsDiff");

        Assert.Equal(0, exit);
        Assert.Matches(@"params\.yaml\s+train\.lr\s+0\.001\s+0\.0003\s+-0\.0007", output);
    }

    [Fact]
    public void Given_changed_metrics_when_diffing_against_head_then_old_new_and_delta_are_shown()
    {
        _ws.Run(new ToyBuild(), "Train");
        Git("init", "-q");
        Git("add", "params.yaml", "metrics");
        Git("commit", "-q", "-m", "baseline");
        _ws.Run(new ToyBuild(), "Train", "--set", "train.seed=3");
        _ws.WithScript("train", ToyStages.Train + "\necho '{\"score\": 9.5}' > \"$O/metrics.json\"");
        _ws.Run(new ToyBuild(), "Train");

        var (exit, output) = _ws.Run(new ToyBuild(), "MetricsDiff", "HEAD");

        Assert.Equal(0, exit);
        Assert.Matches(@"metrics/Train/metrics\.json\s+score\s+7\s+9\.5\s+\+2\.5", output);
    }
}
