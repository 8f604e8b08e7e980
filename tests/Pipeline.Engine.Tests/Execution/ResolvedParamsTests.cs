using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public sealed class ResolvedParamsTests
{
    [Fact]
    public void Given_declared_values_when_writing_the_stage_params_file_then_keys_are_nested_sorted_and_canonical()
    {
        var values = new Dictionary<string, ParamValue>
        {
            ["train.seed"] = new(ParamType.Int, 3L),
            ["model.channels"] = new(ParamType.IntList, new List<object> { 16L, 32L }),
            ["train.label_fraction"] = new(ParamType.Double, 0.25),
            ["model.kind"] = new(ParamType.String, "true"),
            ["pretrain.opt.lr"] = new(ParamType.Double, 3e-4),
        };

        var yaml = ResolvedParams.ToYaml(values);

        Assert.Equal("""
            model:
              channels: [16, 32]
              kind: 'true'
            pretrain:
              opt:
                lr: 0.0003
            train:
              label_fraction: 0.25
              seed: 3

            """.Replace("\r\n", "\n"), yaml);
    }
}
