using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public class CriticalPathTests
{
    private static CriticalPath.Node Node(string id, double? seconds, params string[] upstream) => new(id, upstream, seconds);

    [Fact]
    public void Given_a_chain_and_a_leaf_without_past_times_then_each_priority_is_the_number_of_stages_on_its_longest_path()
    {
        var priorities = CriticalPath.Priorities([Node("A", null), Node("B", null, "A"), Node("C", null, "B"), Node("Leaf", null)]);

        Assert.Equal(3, priorities["A"]);
        Assert.Equal(2, priorities["B"]);
        Assert.Equal(1, priorities["C"]);
        Assert.Equal(1, priorities["Leaf"]);
    }

    [Fact]
    public void Given_past_times_then_a_long_stage_outranks_a_stage_with_more_but_short_work_below_it()
    {
        // Pretrain (600 s) feeds one 60 s stage; Preprocess (10 s) feeds four 5 s cells
        var priorities = CriticalPath.Priorities([
            Node("Pretrain", 600), Node("Head", 60, "Pretrain"),
            Node("Preprocess", 10), Node("Cell1", 5, "Preprocess"), Node("Cell2", 5, "Preprocess"), Node("Cell3", 5, "Preprocess"), Node("Cell4", 5, "Preprocess"),
        ]);

        Assert.Equal(660, priorities["Pretrain"]);
        Assert.Equal(15, priorities["Preprocess"]);
    }

    [Fact]
    public void Given_a_stage_without_a_past_time_then_it_costs_the_median_of_the_timed_stages_that_run()
    {
        // Cached costs nothing and does not pull the median down
        var priorities = CriticalPath.Priorities([Node("Cached", 0), Node("A", 10), Node("B", 30), Node("C", 20), Node("New", null, "Cached")]);

        Assert.Equal(20, priorities["New"]);
        Assert.Equal(20, priorities["Cached"]);
    }
}
