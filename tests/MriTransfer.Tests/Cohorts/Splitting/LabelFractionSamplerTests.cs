using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Tests.Cohorts.Splitting;

public class LabelFractionSamplerTests
{
    private static IReadOnlyList<SplitAssignment> Train(int a, int b) =>
        Enumerable.Range(0, a).Select(i => new SplitAssignment($"a{i:D2}", $"a{i:D2}", "a", "train", null, $"a{i:D2}"))
            .Concat(Enumerable.Range(0, b).Select(i => new SplitAssignment($"b{i:D2}", $"b{i:D2}", "b", "train", null, $"b{i:D2}")))
            .Append(new SplitAssignment("t0", "t0", "a", "test", null, "t0"))
            .ToList();

    [Fact]
    public void Given_40_and_8_training_subjects_when_sampled_then_each_fraction_holds_round_f_n_per_class_and_at_least_one()
    {
        var rows = LabelFractionSampler.Sample(Train(40, 8), [0.1, 0.25, 0.5, 1.0], seed: 3);

        int Count(string label, double f) => rows.Count(r => r.SubjectId.StartsWith(label) && r.Fraction <= f);
        Assert.Equal(new[] { 4, 10, 20, 40 }, new[] { 0.1, 0.25, 0.5, 1.0 }.Select(f => Count("a", f)));
        Assert.Equal(new[] { 1, 2, 4, 8 }, new[] { 0.1, 0.25, 0.5, 1.0 }.Select(f => Count("b", f)));
        Assert.DoesNotContain(rows, r => r.SubjectId == "t0");
    }

    [Fact]
    public void Given_fractions_without_one_when_sampled_then_subjects_beyond_the_largest_fraction_get_no_row()
    {
        var rows = LabelFractionSampler.Sample(Train(20, 20), [0.5, 0.25], seed: 3);

        Assert.Equal(20, rows.Count);
        Assert.Equal(10, rows.Count(r => r.Fraction == 0.25));
    }

    [Fact]
    public void Given_the_same_seed_when_sampled_twice_then_the_rows_are_identical_and_another_seed_differs()
    {
        var first = LabelFractionSampler.Sample(Train(30, 30), [0.1, 0.5, 1.0], seed: 5);
        var again = LabelFractionSampler.Sample(Train(30, 30), [0.1, 0.5, 1.0], seed: 5);
        var other = LabelFractionSampler.Sample(Train(30, 30), [0.1, 0.5, 1.0], seed: 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
