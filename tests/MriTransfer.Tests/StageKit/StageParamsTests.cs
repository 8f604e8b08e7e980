using System.Runtime.Serialization;
using Pipeline.StageKit;

namespace MriTransfer.Tests.StageKit;

public class StageParamsTests
{
    public enum Mode { [EnumMember(Value = "3d")] ThreeD, TwoD, MinMax }

    public sealed record Augment(bool Flip, double RotateDegrees);

    public sealed record Options(int Epochs, double Lr, int KFolds, double ProbeL2, Mode Mode, IReadOnlyList<int> Channels, double[] Spacing, string Name, Augment Augment);

    private const string Yaml = """
        stage:
          epochs: 3
          lr: 0.001
          k_folds: 0
          probe_l2: 1E-05
          mode: 3d
          channels: [4, 8]
          spacing: [1.5, 2]
          name: 'a b'
          augment:
            flip: true
            rotate_degrees: 5
        other:
          unused: 1
        """;

    [Fact]
    public void A_record_binds_its_constructor_parameters_as_snake_case_keys_under_the_prefix_and_nested_records_under_theirs()
    {
        var p = StageParams.FromYaml(Yaml);

        var options = p.Bind<Options>("stage");

        Assert.Equal(new Options(3, 0.001, 0, 1e-5, Mode.ThreeD, options.Channels, options.Spacing, "a b", new Augment(true, 5)), options);
        Assert.Equal([4, 8], options.Channels);
        Assert.Equal([1.5, 2], options.Spacing);
    }

    [Fact]
    public void Every_key_read_is_recorded_as_bound_and_nothing_else()
    {
        var p = StageParams.FromYaml(Yaml);

        p.Bind<Options>("stage");

        Assert.Equal(p.Keys.Where(k => k.StartsWith("stage.")), p.Bound);
        Assert.DoesNotContain("other.unused", p.Bound);
    }

    [Theory]
    [InlineData("3d", Mode.ThreeD)]
    [InlineData("two_d", Mode.TwoD)]
    [InlineData("minmax", Mode.MinMax)]
    public void An_enum_binds_from_its_enum_member_value_or_its_name(string text, Mode expected) =>
        Assert.Equal(expected, StageParams.FromYaml($"m: {text}\n").Get<Mode>("m"));

    [Fact]
    public void A_key_the_stage_binds_but_its_file_does_not_hold_is_a_build_bug_naming_every_missing_key_and_the_declared_ones()
    {
        var p = StageParams.FromYaml("stage:\n  epochs: 3\n", "out/.pipeline/params/Stage.yaml");

        var error = Assert.Throws<StageParamsException>(() => p.Bind<Options>("stage"));

        Assert.Contains("out/.pipeline/params/Stage.yaml: stage.lr is not in this stage's params; declare it in the stage's .Params(...) in build/", error.Message);
        Assert.Contains("stage.augment.flip is not in this stage's params", error.Message);
        Assert.Equal(9, error.Problems.Count);
        Assert.Contains("(declared for this stage: stage.epochs)", error.Message);
    }

    public sealed record WithOptional(int Epochs, int? VolumeIndex);

    [Fact]
    public void An_optional_key_left_out_binds_as_null_and_when_given_binds_its_value()
    {
        Assert.Null(StageParams.FromYaml("stage:\n  epochs: 3\n").Bind<WithOptional>("stage").VolumeIndex);
        Assert.Equal(2, StageParams.FromYaml("stage:\n  epochs: 3\n  volume_index: 2\n").Bind<WithOptional>("stage").VolumeIndex);
    }

    [Fact]
    public void A_value_of_another_type_is_a_build_bug_naming_the_key_the_expected_type_and_the_value()
    {
        var p = StageParams.FromYaml("stage:\n  epochs: many\n  mode: 4d\n");

        var epochs = Assert.Throws<StageParamsException>(() => p.Get<int>("stage.epochs"));
        var mode = Assert.Throws<StageParamsException>(() => p.Get<Mode>("stage.mode"));

        Assert.Contains("stage.epochs: expected an integer, got many", epochs.Message);
        Assert.Contains("stage.mode: expected one of 3d, two_d, min_max, got 4d", mode.Message);
    }

    [Fact]
    public void The_whole_file_counts_every_key_as_bound()
    {
        var p = StageParams.FromYaml(Yaml);

        Assert.Equal("params.yaml", p.WholeFile());
        Assert.Equal(p.Keys, p.Bound);
    }
}
