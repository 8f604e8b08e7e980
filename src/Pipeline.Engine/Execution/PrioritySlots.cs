namespace Pipeline.Engine.Execution;

/// <summary>
/// At most N stage processes at once; when a slot frees, the waiting instance with the highest priority gets it
/// (ties: first come). The executor gives instances with more work downstream a higher priority, so the critical
/// path (e.g. pretraining, which every transfer variant waits for) starts before a leaf stage.
/// </summary>
internal sealed class PrioritySlots(int count)
{
    private readonly object _gate = new();
    private readonly List<(int Priority, long Ticket)> _waiting = [];
    private int _free = Math.Max(1, count);
    private long _nextTicket;

    /// <summary>How many callers are blocked in <see cref="Wait"/>.</summary>
    public int Waiting { get { lock (_gate) return _waiting.Count; } }

    public void Wait(int priority)
    {
        lock (_gate)
        {
            var me = (priority, _nextTicket++);
            _waiting.Add(me);
            while (_free == 0 || _waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.Ticket).First() != me)
                Monitor.Wait(_gate);
            _waiting.Remove(me);
            _free--;
            Monitor.PulseAll(_gate);
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _free++;
            Monitor.PulseAll(_gate);
        }
    }
}
