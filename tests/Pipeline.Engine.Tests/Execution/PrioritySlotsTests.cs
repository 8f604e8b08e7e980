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

    [Fact]
    public void Given_a_claim_reserved_for_a_ready_stage_when_the_only_core_frees_then_a_lower_priority_waiter_does_not_take_it()
    {
        // Given the only core busy, a leaf waiting, and a critical-path stage that claimed the core but has not come for it yet
        var slots = new PrioritySlots(1);
        var busy = slots.Wait(priority: 0);
        var critical = slots.Reserve(priority: 5, handedOff: true);
        var leafIn = new ManualResetEventSlim();
        var leaf = new Thread(() => { slots.Release(slots.Wait(priority: 1)); leafIn.Set(); });
        leaf.Start();
        Assert.True(SpinWait.SpinUntil(() => slots.Waiting == 2, TimeSpan.FromSeconds(10)));

        // When the core frees
        slots.Release(busy);

        // Then the leaf still waits until the critical stage has taken the core and given it back
        Assert.False(leafIn.Wait(200));
        var cores = slots.Wait(critical);
        Assert.False(leafIn.Wait(100));
        slots.Release(cores);
        Assert.True(leafIn.Wait(TimeSpan.FromSeconds(10)));
        leaf.Join();
    }

    [Fact]
    public void Given_a_reserved_claim_when_it_is_withdrawn_then_the_waiter_behind_it_gets_the_core()
    {
        var slots = new PrioritySlots(1);
        var claim = slots.Reserve(priority: 5);
        var leafIn = new ManualResetEventSlim();
        var leaf = new Thread(() => { slots.Release(slots.Wait(priority: 1)); leafIn.Set(); });
        leaf.Start();
        Assert.False(leafIn.Wait(200));

        slots.Withdraw(claim);

        Assert.True(leafIn.Wait(TimeSpan.FromSeconds(10)));
        leaf.Join();
        slots.Withdraw(claim); // a second withdrawal is harmless
        Assert.Equal(0, slots.Waiting);
    }

    [Fact]
    public void Given_two_free_cores_and_a_one_core_claim_ahead_when_a_lower_one_core_stage_comes_then_it_starts_on_the_other_core()
    {
        // the claim ahead is covered by one of the free cores, so the second one is not left idle
        var slots = new PrioritySlots(2);
        var ahead = slots.Reserve(priority: 5);

        var started = Task.Run(() => slots.Wait(priority: 1)).Wait(TimeSpan.FromSeconds(10));

        Assert.True(started);
        Assert.Equal(1, slots.Wait(ahead));
    }

    [Fact]
    public void Given_equal_priorities_when_a_stage_is_handed_the_cores_of_its_upstream_then_it_goes_before_earlier_waiters()
    {
        var slots = new PrioritySlots(1);
        var busy = slots.Wait(priority: 0);
        var earlier = slots.Reserve(priority: 1);
        var handedOff = slots.Reserve(priority: 1, handedOff: true);
        var order = new List<string>();
        var threads = new[] { (earlier, "earlier"), (handedOff, "handed off") }.Select(c => new Thread(() =>
        {
            var cores = slots.Wait(c.Item1);
            lock (order) order.Add(c.Item2);
            slots.Release(cores);
        })).ToList();
        threads.ForEach(t => t.Start());

        slots.Release(busy);
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(10))));

        Assert.Equal(["handed off", "earlier"], order);
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
