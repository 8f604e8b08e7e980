using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Params;

/// <summary>The build side reads validated params through a ParamValues member the engine fills before declaring stages.</summary>
public sealed class TypedParamsTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private sealed class ChoosingBuild
    {
        static readonly ParamSpec[] Schema =
        [
            ParamSpec.Choice("data.mode", "2-D slices or 3-D volumes", "2d", "3d"),
            ParamSpec.Int("data.size", "edge length", min: 8, max: 512),
        ];

        ParamValues Params { get; set; } = null!;

        Stage Describe => _ => _
            .Description("Runs the script of the configured mode")
            .Command("bash", $"describe-{Params.GetString("data.mode")}.sh", Params.GetInt("data.size").ToString())
            .Code("describe-2d.sh", "describe-3d.sh")
            .Params("data")
            .Outputs("mode.txt");
    }

    public TypedParamsTests()
    {
        _ws.Write("describe-2d.sh", "size=$1; shift; while [ $# -gt 0 ]; do case \"$1\" in --output) O=\"$2\";; esac; shift 2; done; echo \"2d $size\" > \"$O/mode.txt\"")
            .Write("describe-3d.sh", "size=$1; shift; while [ $# -gt 0 ]; do case \"$1\" in --output) O=\"$2\";; esac; shift 2; done; echo \"3d $size\" > \"$O/mode.txt\"")
            .Write("params.yaml", "data:\n  mode: 3d\n  size: 64\n");
    }

    [Fact]
    public void Given_a_build_with_a_params_member_when_declaring_stages_then_they_can_read_typed_values()
    {
        var (exit, output) = _ws.Run(new ChoosingBuild(), "Describe");

        Assert.True(exit == 0, output);
        Assert.Equal("3d 64\n", _ws.Read("out/Describe/mode.txt"));
    }

    [Fact]
    public void Given_a_changed_value_that_selects_another_command_when_running_then_the_stage_reruns_for_the_command()
    {
        _ws.Run(new ChoosingBuild(), "Describe");

        var (exit, output) = _ws.Run(new ChoosingBuild(), "Describe", "--set", "data.mode=2d");

        Assert.True(exit == 0, output);
        Assert.Contains("command changed: bash describe-3d.sh 64 → bash describe-2d.sh 64", output);
        Assert.Equal("2d 64\n", _ws.Read("out/Describe/mode.txt"));
    }
}
