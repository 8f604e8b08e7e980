using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public class PrioritySlotsTests
{
    [Fact]
    public void Given_one_busy_slot_when_it_frees_then_the_waiter_with_more_work_downstream_goes_first()
    {
        // Given the only slot taken, and a leaf stage queued before a stage with much work downstream
        var slots = new PrioritySlots(1);
        slots.Wait(priority: 0);
        var order = new List<string>();
        Thread Waiter(string name, int priority)
        {
            var thread = new Thread(() => { slots.Wait(priority); lock (order) order.Add(name); slots.Release(); });
            thread.Start();
            return thread;
        }
        var leaf = Waiter("leaf", 1);
        Assert.True(SpinWait.SpinUntil(() => slots.Waiting == 1, TimeSpan.FromSeconds(10)));
        var critical = Waiter("critical", 5);
        Assert.True(SpinWait.SpinUntil(() => slots.Waiting == 2, TimeSpan.FromSeconds(10)));

        // When the slot is released
        slots.Release();
        Assert.True(leaf.Join(TimeSpan.FromSeconds(10)) && critical.Join(TimeSpan.FromSeconds(10)));

        // Then the critical-path stage ran first
        Assert.Equal(["critical", "leaf"], order);
    }

    [Fact]
    public void Given_two_slots_when_two_stages_wait_then_both_run_at_once()
    {
        var slots = new PrioritySlots(2);
        using var bothIn = new CountdownEvent(2);
        using var release = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 2).Select(p => Task.Run(() => { slots.Wait(p); bothIn.Signal(); release.Wait(); slots.Release(); })).ToArray();

        Assert.True(bothIn.Wait(TimeSpan.FromSeconds(10)));
        release.Set();
        Task.WaitAll(tasks, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Given_a_two_core_budget_when_a_two_thread_stage_waits_behind_a_busy_core_then_a_later_one_core_stage_does_not_overtake_it()
    {
        // Given one of two cores busy, a two-thread stage waiting, then a one-core stage of lower priority
        var slots = new PrioritySlots(2);
        slots.Wait(priority: 0);
        var order = new List<string>();
        Thread Waiter(string name, int priority, int threads)
        {
            var thread = new Thread(() =>
            {
                var cores = slots.Wait(priority, threads);
                lock (order) order.Add($"{name}:{cores}");
                slots.Release(cores);
            });
            thread.Start();
            return thread;
        }
        var wide = Waiter("wide", 5, 2);
        Assert.True(SpinWait.SpinUntil(() => slots.Waiting == 1, TimeSpan.FromSeconds(10)));
        var narrow = Waiter("narrow", 1, 1);
        Assert.True(SpinWait.SpinUntil(() => slots.Waiting == 2, TimeSpan.FromSeconds(10)));

        // When the busy core frees
        Thread.Sleep(100);
        Assert.Empty(order); // the free core was not handed to the narrow stage behind the wide one
        slots.Release();
        Assert.True(wide.Join(TimeSpan.FromSeconds(10)) && narrow.Join(TimeSpan.FromSeconds(10)));

        // Then the wide stage took both cores first
        Assert.Equal(["wide:2", "narrow:1"], order);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    [InlineData(64, 4)]
    public void Given_a_four_core_budget_when_granting_threads_then_the_grant_is_between_one_and_four(int threads, int expected)
    {
        Assert.Equal(expected, new PrioritySlots(4).Grant(threads));
    }
}
