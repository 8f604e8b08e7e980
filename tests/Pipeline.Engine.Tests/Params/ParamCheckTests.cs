using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Params;

/// <summary>Cross-key params checks the build declares run with params validation, so --dry-run catches them.</summary>
public sealed class ParamCheckTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    private static string ParamsWith(string drawn) => $"prep:\n  fractions: {drawn}\ncurve:\n  fractions: [0.25, 0.5]\n";

    public void Dispose() => _ws.Dispose();

    private sealed class CheckedBuild
    {
        static readonly ParamSpec[] Schema =
        [
            ParamSpec.DoubleList("prep.fractions", "label fractions the preparation draws", min: 0, max: 1),
            ParamSpec.DoubleList("curve.fractions", "label fractions of the learning curve", min: 0, max: 1),
        ];
        static readonly ParamCheck[] Checks = [ParamCheck.EachAmong("curve.fractions", "prep.fractions")];
        Stage Curve => _ => _.Command("bash", "stages/point.sh").Code("stages/point.sh").Params("curve").Outputs("point.txt");
    }

    [Fact]
    public void Given_a_curve_fraction_the_preparation_does_not_draw_when_dry_running_then_it_is_reported_at_its_line_with_exit_code_2()
    {
        _ws.Write("params.yaml", ParamsWith("[0.25, 1.0]"));

        var (exit, output) = _ws.Run(new CheckedBuild(), "Curve", "--dry-run");

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml:4:3: 'curve.fractions' has 0.5, which 'prep.fractions' [0.25, 1] does not have; add it to 'prep.fractions' or remove it from 'curve.fractions'", output);
        Assert.DoesNotContain("has 0.25", output);
    }

    [Fact]
    public void Given_curve_fractions_all_drawn_when_dry_running_then_the_check_passes()
    {
        _ws.Write("params.yaml", ParamsWith("[0.25, 0.5, 1]"));

        var (exit, output) = _ws.Run(new CheckedBuild(), "Curve", "--dry-run");

        Assert.True(exit == 0, output);
    }
}
