using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public class ForecastTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Theory]
    [InlineData("epoch 3/20 loss 0.0412", 3, 20)]
    [InlineData("step 120 / 400", 120, 400)]
    [InlineData("subjects 0/12", 0, 12)]
    [InlineData("synthesised 45%", 45, 100)]
    [InlineData("epoch 3/20, 15%", 3, 20)]
    public void Given_a_progress_line_with_a_count_then_the_step_is_read_as_k_of_n_done(string line, double done, double total)
    {
        Assert.Equal(new Step(done, total), Forecast.StepOf(line));
    }

    [Theory]
    [InlineData("loading cohort")]
    [InlineData("epoch 21/20")]
    [InlineData("data/bt/sub-07.nii.gz")]
    [InlineData("written on 2026/12/01")]
    [InlineData("ratio 3/0")]
    [InlineData("150%")]
    public void Given_a_progress_line_without_a_usable_count_then_there_is_no_step(string line)
    {
        Assert.Null(Forecast.StepOf(line));
    }

    [Fact]
    public void Given_only_a_past_time_then_the_time_left_is_the_usual_time_less_the_time_run()
    {
        Assert.Equal(S(30), Forecast.Remaining(S(10), S(40), null, TimeSpan.Zero));
    }

    [Fact]
    public void Given_a_stage_running_longer_than_usual_without_progress_then_nothing_is_promised()
    {
        Assert.Null(Forecast.Remaining(S(50), S(40), null, TimeSpan.Zero));
    }

    [Fact]
    public void Given_only_progress_then_the_time_per_unit_so_far_is_extrapolated_less_the_time_since_the_line()
    {
        // 5 of 20 epochs after 10 s (2 s each): 15 more = 30 s, of which 1 s has passed since that line
        Assert.Equal(S(29), Forecast.Remaining(S(11), null, new Step(5, 20), S(10)));
    }

    [Fact]
    public void Given_progress_and_a_past_time_then_the_progress_counts_as_much_as_the_share_done()
    {
        // a quarter done: 0.25 × 30 s (by progress) + 0.75 × 50 s (usual 60 s − 10 s) = 45 s
        Assert.Equal(S(45), Forecast.Remaining(S(10), S(60), new Step(5, 20), S(10)));
    }

    [Fact]
    public void Given_no_past_time_and_no_progress_then_nothing_is_known()
    {
        Assert.Null(Forecast.Remaining(S(3), null, new Step(0, 20), S(3)));
    }

    private static ForecastJob Job(string id, double? left, int threads = 1, bool running = false, params string[] upstream) =>
        new(id, upstream, left is { } l ? S(l) : null, threads, running);

    [Fact]
    public void Given_a_chain_then_the_run_has_the_sum_of_its_times_left()
    {
        var estimate = Forecast.Run([Job("A", 5, running: true), Job("B", 10, upstream: "A"), Job("C", 20, upstream: "B")], cores: 2);

        Assert.Equal(new RunEstimate(S(35), LowerBound: false), estimate);
    }

    [Fact]
    public void Given_independent_stages_then_they_share_the_cores()
    {
        // four 10 s stages on two cores: two rounds; one two-core stage runs alone
        Assert.Equal(S(20), Forecast.Run([Job("A", 10), Job("B", 10), Job("C", 10), Job("D", 10)], cores: 2).Remaining);
        Assert.Equal(S(30), Forecast.Run([Job("Wide", 10, threads: 2), Job("B", 10), Job("C", 10), Job("D", 10)], cores: 2).Remaining);
    }

    [Fact]
    public void Given_the_critical_path_first_then_the_run_ends_when_the_longest_chain_does()
    {
        // a 30 s chain beside three 10 s leaves on two cores: the chain starts first, the leaves fill the other core
        var estimate = Forecast.Run([Job("L1", 10), Job("L2", 10), Job("L3", 10), Job("A", 15), Job("B", 15, upstream: "A")], cores: 2);

        Assert.Equal(S(30), estimate.Remaining);
    }

    [Fact]
    public void Given_a_stage_never_timed_then_the_run_estimate_is_a_lower_bound()
    {
        var estimate = Forecast.Run([Job("A", 5), Job("New", null, upstream: "A")], cores: 1);

        Assert.Equal(new RunEstimate(S(5), LowerBound: true), estimate);
    }

    [Theory]
    [InlineData(42, "0:42")]
    [InlineData(725, "12:05")]
    [InlineData(3723, "1:02:03")]
    public void Given_a_duration_then_it_is_formatted_to_the_second(double seconds, string expected)
    {
        Assert.Equal(expected, Forecast.Format(S(seconds)));
    }
}
