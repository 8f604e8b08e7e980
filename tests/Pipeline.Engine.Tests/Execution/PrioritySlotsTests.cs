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
}
