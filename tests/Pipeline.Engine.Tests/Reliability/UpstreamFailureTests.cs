using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Reliability;

/// <summary>A stage never runs on an upstream that did not succeed in this run, even when an older output exists.</summary>
public sealed class UpstreamFailureTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Given_old_outputs_everywhere_when_an_upstream_fails_then_every_transitive_dependent_is_skipped_naming_it()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();
        var oldSummary = _ws.Read("out/Aggregate/summary.txt");
        _ws.WithScript("prepare", "echo 'bad input' >&2; exit 1");

        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--set", "prep.factor=3", "--set", "curve.fractions=[0.25, 0.5, 0.75]");

        Assert.Equal(1, exit);
        Assert.Contains("Curve/fraction-0.75: skipped — upstream Prepare failed", output);
        Assert.Contains("Aggregate: skipped — upstream Prepare failed", output);
        Assert.Equal(["Prepare"], _ws.TakeRuns());
        Assert.Equal(oldSummary, _ws.Read("out/Aggregate/summary.txt"));
    }

    [Fact]
    public void Given_a_stage_skipped_with_the_skip_option_and_an_output_when_running_then_its_dependents_still_use_that_output()
    {
        _ws.Run(new ToyBuild(), "All");
        _ws.TakeRuns();

        var (exit, output) = _ws.Run(new ToyBuild(), "All", "--skip", "Curve", "--force", "Aggregate");

        Assert.True(exit == 0, output);
        Assert.Equal(["Aggregate"], _ws.TakeRuns());
    }
}
