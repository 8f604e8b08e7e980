using Pipeline.Engine.Experiments;

namespace Pipeline.Engine.Tests.Experiments;

public class ParamsFileEditorTests
{
    private static readonly ParamSpec[] Schema =
    [
        ParamSpec.Double("train.lr", "learning rate", min: 0, max: 1),
        ParamSpec.Int("train.seed", "seed", min: 0),
        ParamSpec.String("train.name", "a name").Optional(),
        ParamSpec.DoubleList("curve.fractions", "fractions", min: 0, max: 1),
        ParamSpec.IntList("curve.seeds", "seeds", min: 0),
        ParamSpec.Bool("aug.flip", "flip"),
        ParamSpec.Int("aug.shift", "shift").Optional(),
        ParamSpec.Int("extra.depth", "depth").Optional(),
    ];

    private const string File = """
        # the params of the toy pipeline
        train:                # training
          lr: 0.001           # Adam's step
          seed: 1

        curve:
          fractions: [0.25, 0.5]   # nested subsets
          seeds:
            - 1
            - 2
        aug: { flip: true }
        """;

    private static Dictionary<string, string> Values(params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["train.lr"] = "0.001", ["train.seed"] = "1", ["curve.fractions"] = "[0.25, 0.5]", ["curve.seeds"] = "[1, 2]", ["aug.flip"] = "true",
        };
        foreach (var (key, value) in changes)
            if (value == "") values.Remove(key); else values[key] = value;
        return values;
    }

    private static string Apply(params (string, string)[] changes) => ParamsFileEditor.Apply(File, Values(changes), Schema, "params.yaml");

    [Fact]
    public void Given_the_values_the_file_has_then_the_text_is_unchanged()
    {
        Assert.Equal(File, Apply());
    }

    [Fact]
    public void Given_a_changed_scalar_then_only_its_value_changes_and_its_comment_stays()
    {
        Assert.Equal(File.Replace("lr: 0.001           # Adam's step", "lr: 0.01           # Adam's step"), Apply(("train.lr", "0.01")));
    }

    [Fact]
    public void Given_a_changed_flow_list_then_the_list_is_replaced_in_place()
    {
        Assert.Equal(File.Replace("[0.25, 0.5]   #", "[0.1, 0.25, 1]   #"), Apply(("curve.fractions", "[0.1, 0.25, 1]")));
    }

    [Fact]
    public void Given_a_block_list_of_the_same_length_then_each_element_changes_in_place()
    {
        Assert.Equal(File.Replace("- 1\n    - 2", "- 3\n    - 4"), Apply(("curve.seeds", "[3, 4]")));
    }

    [Fact]
    public void Given_a_block_list_of_another_length_then_it_becomes_a_flow_list_and_what_follows_stays()
    {
        Assert.Equal(File.Replace("\n    - 1\n    - 2\n", "\n    [5, 6, 7]\n"), Apply(("curve.seeds", "[5, 6, 7]")));
    }

    [Fact]
    public void Given_a_key_inside_a_flow_mapping_then_it_changes_there_and_a_new_key_joins_the_mapping()
    {
        Assert.Equal(File.Replace("{ flip: true }", "{ flip: false, shift: 3 }"), Apply(("aug.flip", "false"), ("aug.shift", "3")));
    }

    [Fact]
    public void Given_a_key_the_file_lacks_then_it_is_added_under_its_group_with_the_groups_indentation()
    {
        Assert.Equal(File.Replace("  seed: 1\n", "  seed: 1\n  name: 'a: b'\n"), Apply(("train.name", "'a: b'")));
    }

    [Fact]
    public void Given_a_key_of_a_group_the_file_lacks_then_the_group_is_added_at_the_end()
    {
        Assert.Equal(File + "\nextra:\n  depth: 4\n", Apply(("extra.depth", "4")));
    }

    [Fact]
    public void Given_a_key_the_values_lack_then_its_line_is_commented_out()
    {
        const string withName = "train:\n  lr: 0.001\n  name: x   # optional\n  seed: 1\ncurve: { fractions: [0.5], seeds: [1] }\naug: { flip: true, shift: 2 }\n";
        var values = new Dictionary<string, string> { ["train.lr"] = "0.001", ["train.seed"] = "1", ["curve.fractions"] = "[0.5]", ["curve.seeds"] = "[1]", ["aug.flip"] = "true" };

        var result = ParamsFileEditor.Apply(withName, values, Schema, "params.yaml");

        Assert.Equal(withName.Replace("  name: x", "  # name: x").Replace(", shift: 2", ""), result);
    }

    [Fact]
    public void Given_a_value_out_of_the_schema_then_nothing_is_written_and_the_error_names_the_file()
    {
        var error = Assert.Throws<UsageException>(() => Apply(("train.lr", "7")));

        Assert.StartsWith("params.yaml:", error.Message);
    }
}
