using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Models;
using MriTransfer.Preprocessing;
using Pipeline.Engine;

namespace Stages.Tests;

/// <summary>The schema in build/ is the one home of every key's range and meaning: it refuses out-of-range values, its
/// choices are what the code implements, and the docs that list keys are generated from it.</summary>
public sealed class SchemaTests
{

    private static ParamSpec Spec(string key) => BuildDeclarations.Schema(Repository.NewBuild()).Single(s => s.Key == key);

    [Theory]
    [InlineData("  lr: 0.001\n", "  lr: 2\n", "pretrain.lr")]
    [InlineData("  image_size: 64\n", "  image_size: 16\n", "imagenet.image_size")]
    [InlineData("  test_fraction: 0.3\n", "  test_fraction: 0\n", "preprocess_bt.test_fraction")]
    public void A_value_out_of_its_range_is_refused_before_any_stage_runs_naming_the_key_and_the_range(string line, string bad, string key)
    {
        var text = File.ReadAllText(Repository.PathOf("params.yaml"));
        Assert.Single(text.Split(line).Skip(1));
        using var temp = new TempFolder();
        var file = temp.File("params.yaml");
        File.WriteAllText(file, text.Replace(line, bad));

        var error = Assert.Throws<UsageException>(() => BuildDeclarations.StageParams(Repository.NewBuild(), file));

        Assert.Contains(error.Problems, p => p.Contains(key) && p.Contains(Spec(key).Expected()));
    }

    public static TheoryData<string, string[]> Choices() => new()
    {
        { "model.norm", EncoderArchitecture.Norms },
        { "model.activation", EncoderArchitecture.Activations },
        { "pretrain.variant", AutoencoderVariant.Kinds },
        { "preprocess.mode", Enum.GetValues<CohortMode>().Select(m => m.Text()).ToArray() },
        { "preprocess.foreground", Enum.GetNames<ForegroundMethod>().Select(n => n.ToLowerInvariant()).ToArray() },
        { "preprocess.normalize", Enum.GetNames<NormalizationMethod>().Select(n => n.ToLowerInvariant()).ToArray() },
        { "preprocess.on_bad_subject", Enum.GetNames<BadSubjectPolicy>().Select(n => n.ToLowerInvariant()).ToArray() },
        { "preprocess.nonfinite", Enum.GetNames<NonFinitePolicy>().Select(n => n.ToLowerInvariant()).ToArray() },
        { "preprocess.duplicates_across_predefined", ["fail", "drop_from_test"] },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void The_values_a_choice_allows_are_exactly_those_the_code_implements(string key, string[] implemented) =>
        Assert.Equal(implemented.Order(), Spec(key).Allowed.Order());

    [Fact]
    public void The_roles_of_the_two_cohort_groups_are_the_two_roles_the_splitter_knows()
    {
        var roles = new[] { Spec("preprocess_ad.role"), Spec("preprocess_bt.role") }.SelectMany(s => s.Allowed);
        Assert.Equal(Enum.GetNames<CohortRole>().Select(n => n.ToLowerInvariant()), roles);
    }

    [Fact]
    public void The_params_table_of_the_Preprocess_readme_is_the_schema_of_its_keys()
    {
        const string start = "<!-- params table: generated from the schema in build/Build.Params.cs; tests/Stages.Tests checks it -->";
        const string end = "<!-- end of params table -->";
        var expected = string.Join("\n", new[] { start, "| key | expected | meaning |", "| --- | --- | --- |" }
            .Concat(BuildDeclarations.Schema(Repository.NewBuild())
                .Where(s => s.Key.StartsWith("preprocess.", StringComparison.Ordinal) || s.Key.StartsWith("preprocess_", StringComparison.Ordinal))
                .Select(s => $"| `{s.Key}` | {s.Expected()}{(s.Required ? "" : ", optional")} | {s.Description} |"))
            .Append(end));
        var readme = File.ReadAllText(Repository.PathOf("stages/Preprocess/README.md")).ReplaceLineEndings("\n");

        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"stages/Preprocess/README.md has no generated params table; put this in its Params section:\n{expected}");
        Assert.True(readme[from..(to + end.Length)] == expected, $"stages/Preprocess/README.md's params table differs from the schema; replace it with:\n{expected}");
    }
}
