using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Params;

/// <summary>params.yaml problems: each reported with file:line:column, all of them at once, exit code 2.</summary>
public sealed class ParamsValidationTests : IDisposable
{
    private readonly TempWorkspace _ws = new TempWorkspace().WithToyPipeline();

    public void Dispose() => _ws.Dispose();

    private (int Exit, string Output) RunWith(string paramsYaml, params string[] extra)
    {
        _ws.Write("params.yaml", paramsYaml);
        return _ws.Run(new ToyBuild(), ["All", .. extra]);
    }

    private const string Valid = """
        prep:
          factor: 2
        train:
          lr: 0.001
          seed: 1
          label_fraction: 1.0
        other:
          name: hello
        curve:
          fractions: [0.25, 0.5]
        """;

    [Fact]
    public void Given_an_unknown_key_when_validating_then_it_names_the_line_and_suggests_the_closest_key()
    {
        var (exit, output) = RunWith(Valid.Replace("  seed: 1", "  seed: 1\n  sed: 2"));

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml:6:3: unknown params key 'train.sed' (did you mean 'train.seed'?)", output);
    }

    [Fact]
    public void Given_a_value_of_the_wrong_type_when_validating_then_it_names_the_expected_type()
    {
        var (exit, output) = RunWith(Valid.Replace("seed: 1", "seed: one"));

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml:5:3: 'train.seed' must be an integer >= 0, got 'one'", output);
    }

    [Fact]
    public void Given_a_value_out_of_range_when_validating_then_it_names_the_range()
    {
        var (exit, output) = RunWith(Valid.Replace("factor: 2", "factor: 11"));

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml:2:3: 'prep.factor' is out of range: 11 (expected an integer in [1, 10])", output);
    }

    [Fact]
    public void Given_a_list_element_out_of_range_when_validating_then_it_is_reported()
    {
        var (exit, output) = RunWith(Valid.Replace("[0.25, 0.5]", "[0.25, 1.5]"));

        Assert.Equal(2, exit);
        Assert.Contains("'curve.fractions' is out of range: 1.5 (expected a list of numbers each in [0, 1])", output);
    }

    [Fact]
    public void Given_a_missing_required_key_when_validating_then_it_names_the_key_its_type_and_description()
    {
        var (exit, output) = RunWith(Valid.Replace("  lr: 0.001\n", ""));

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml: missing required params key 'train.lr' (a number in [0, 1]: learning rate)", output);
    }

    [Fact]
    public void Given_malformed_yaml_when_loading_then_it_names_the_position_and_no_stack_trace_is_printed()
    {
        var (exit, output) = RunWith("prep:\n  factor: [1, 2\ntrain: {");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: params.yaml:", output);
        Assert.Contains("not valid YAML", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Given_several_problems_when_validating_then_all_are_reported_together()
    {
        var (exit, output) = RunWith(Valid.Replace("seed: 1", "seed: -1").Replace("factor: 2", "factr: 2").Replace("name: hello", "name: [a]"));

        Assert.Equal(2, exit);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("error:")));
    }

    [Fact]
    public void Given_a_set_override_with_a_bad_value_when_validating_then_it_is_reported_like_the_file()
    {
        var (exit, output) = RunWith(Valid, "--set", "train.lr=fast");

        Assert.Equal(2, exit);
        Assert.Contains("error: --set train.lr=fast: 'train.lr' must be a number in [0, 1], got 'fast'", output);
    }

    [Fact]
    public void Given_a_set_override_of_an_unknown_key_when_validating_then_it_suggests_the_closest_key()
    {
        var (exit, output) = RunWith(Valid, "--set", "train.lrr=0.1");

        Assert.Equal(2, exit);
        Assert.Contains("unknown params key 'train.lrr' (did you mean 'train.lr'?)", output);
    }

    [Fact]
    public void Given_a_quoted_number_for_an_integer_key_when_validating_then_it_is_a_wrong_type()
    {
        var (exit, output) = RunWith(Valid.Replace("factor: 2", "factor: '2'"));

        Assert.Equal(2, exit);
        Assert.Contains("'prep.factor' must be an integer in [1, 10], got '2'", output);
    }

    [Fact]
    public void Given_a_params_file_option_when_running_then_that_file_is_read()
    {
        _ws.Write("other-params.yaml", Valid.Replace("name: hello", "name: from-other-file"));

        var (exit, output) = _ws.Run(new ToyBuild(), "Other", "--params", "other-params.yaml");

        Assert.True(exit == 0, output);
        Assert.Contains("name: from-other-file", _ws.Read("out/Other/other.txt"));
    }

    [Fact]
    public void Given_a_tab_in_the_indentation_when_loading_then_the_error_names_the_line_of_the_tab()
    {
        var (exit, output) = RunWith(Valid.Replace("  seed: 1", "\tseed: 1"));

        Assert.Equal(2, exit);
        Assert.Contains("error: params.yaml:5:1: not valid YAML: a tab character indents this line; YAML indents with spaces only", output);
    }

    [Fact]
    public void Given_two_bad_set_overrides_when_validating_then_each_message_is_printed_once()
    {
        var (exit, output) = RunWith(Valid, "--set", "train.lr", "--set", "prep.factor");

        Assert.Equal(2, exit);
        Assert.Equal(1, output.Split('\n').Count(l => l == "error: --set expects key=value, got 'train.lr'"));
        Assert.Equal(1, output.Split('\n').Count(l => l == "error: --set expects key=value, got 'prep.factor'"));
    }
}
