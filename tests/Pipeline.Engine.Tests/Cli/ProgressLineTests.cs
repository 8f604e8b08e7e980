using System.Text.RegularExpressions;
using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Cli;

/// <summary>The plain lines of a real toy run say how many stages are over, what a stage usually takes and the run's ETA.</summary>
public sealed class ProgressLineTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_a_stage_timed_before_when_it_runs_again_then_its_lines_carry_n_of_m_its_usual_time_and_the_run_eta()
    {
        var (first, firstOutput) = _ws.Run(new ToyBuild(), "Train");
        Assert.True(first == 0, firstOutput);
        Assert.Contains("Train: done — never run [2 of 2 done]", firstOutput);

        var (exit, output) = _ws.Run(new ToyBuild(), "Train", "--force", "Train");

        Assert.True(exit == 0, output);
        Assert.Matches(@"Train: running — forced with --force \[0 of 1 done; usually 0:0\d; run ETA 0:0\d\]", output);
        Assert.Matches(@"Train: step 1/1 \[0:00 left; run ETA 0:00\]", output);
        Assert.Contains("Train: done — forced with --force [1 of 1 done]", output);
        Assert.DoesNotContain("Prepare: up to date [", output);
    }

    [Fact]
    public void Given_a_run_then_each_published_instance_has_a_run_time_outside_its_outputs()
    {
        _ws.Run(new ToyBuild(), "Train");

        var lines = File.ReadAllLines(_ws.PathOf(".pipeline/timings.tsv"));

        Assert.Equal(["Prepare", "Train"], lines.Select(l => l.Split('\t')[0]).Order());
        Assert.All(lines, l => Assert.Matches(@"^\w+\t[0-9.]+\t1\t\d{4}-\d\d-\d\dT", l));
        Assert.DoesNotMatch(new Regex("timings"), string.Join(" ", Directory.GetFiles(_ws.PathOf("out"), "*", SearchOption.AllDirectories)));
    }
}
