namespace Pipeline.Engine.Execution;

/// <summary>
/// A budget of N cores shared by stage processes: a stage takes as many cores as it declares threads (at most N) and
/// waits until that many are free. The waiting instance with the highest priority is served first (ties: first
/// come), and nobody overtakes it, so a multi-threaded stage is never starved by single-threaded ones. The executor
/// gives instances with more work downstream a higher priority, so the critical path (e.g. pretraining, which every
/// transfer variant waits for) starts before a leaf stage.
/// </summary>
internal sealed class PrioritySlots(int count)
{
    private readonly object _gate = new();
    private readonly List<(int Priority, long Ticket)> _waiting = [];
    private readonly int _total = Math.Max(1, count);
    private int _free = Math.Max(1, count);
    private long _nextTicket;

    /// <summary>How many callers are blocked in <see cref="Wait"/>.</summary>
    public int Waiting { get { lock (_gate) return _waiting.Count; } }

    /// <summary>The cores a stage asking for <paramref name="threads"/> gets: between 1 and the budget.</summary>
    public int Grant(int threads) => Math.Clamp(threads, 1, _total);

    /// <summary>Blocks until <see cref="Grant"/>(threads) cores are free and no higher-priority caller waits; returns the cores taken.</summary>
    public int Wait(int priority, int threads = 1)
    {
        var cores = Grant(threads);
        lock (_gate)
        {
            var me = (priority, _nextTicket++);
            _waiting.Add(me);
            while (_free < cores || _waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.Ticket).First() != me)
                Monitor.Wait(_gate);
            _waiting.Remove(me);
            _free -= cores;
            Monitor.PulseAll(_gate);
        }
        return cores;
    }

    public void Release(int cores = 1)
    {
        lock (_gate)
        {
            _free += cores;
            Monitor.PulseAll(_gate);
        }
    }
}
