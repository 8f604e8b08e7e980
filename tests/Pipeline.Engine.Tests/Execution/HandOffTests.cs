using Pipeline.Engine.Tests.Support;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>When a stage finishes, its freed cores go to its ready dependents on the critical path, not to a leaf stage
/// that happened to be waiting already.</summary>
public sealed class HandOffTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>A chain A → B → C and three leaves that depend on nothing.</summary>
    private sealed class ChainAndLeavesBuild
    {
        Stage A => _ => _.Command("bash", "step.sh", "A").Code("step.sh");
        Stage B => _ => _.Command("bash", "step.sh", "B").Code("step.sh").Input("a", A);
        Stage C => _ => _.Command("bash", "step.sh", "C").Code("step.sh").Input("b", B);
        Stage Leaf1 => _ => _.Command("bash", "step.sh", "Leaf1").Code("step.sh");
        Stage Leaf2 => _ => _.Command("bash", "step.sh", "Leaf2").Code("step.sh");
        Stage Leaf3 => _ => _.Command("bash", "step.sh", "Leaf3").Code("step.sh");
        Target All => _ => _.DependsOn(C, Leaf1, Leaf2, Leaf3);
    }

    /// <summary>Notes its name when it starts, then works for a moment.</summary>
    private const string Step = """
        me="$1"; shift
        while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; esac; shift 2; done
        echo "$me" >> order.log
        sleep 0.3
        echo "$me" > "$O/done.txt"
        """;

    [Fact]
    public void Given_one_core_when_a_chain_stage_finishes_then_its_dependent_starts_before_any_waiting_leaf()
    {
        _ws.Write("step.sh", Step).Write("params.yaml", "");

        var (exit, output) = _ws.Run(new ChainAndLeavesBuild(), "All", "--jobs", "1");

        Assert.True(exit == 0, output);
        var order = File.ReadAllLines(_ws.PathOf("order.log"));
        Assert.Equal(["A", "B", "C"], order.Take(3));
        Assert.Equal(["Leaf1", "Leaf2", "Leaf3"], order.Skip(3).Order(StringComparer.Ordinal));
    }
}
