namespace Pipeline.Engine.Execution;

/// <summary>
/// A budget of N cores shared by stage processes. A stage claims as many cores as it declares threads (at most N): a
/// claim is made the moment the stage becomes ready (<see cref="Reserve"/>), before it has read its state, so cores
/// freed meanwhile are kept for it. Claims are served in order — higher priority first; among equals a stage handed
/// the cores of the upstream that just finished, then first come — and a claim may start only while the free cores
/// also cover every claim ahead of it: nobody overtakes a claim that is still waiting for cores, so a multi-threaded
/// stage is never starved by single-threaded ones, and a freed core never goes to a leaf stage while a ready stage on
/// the critical path waits for it.
/// </summary>
internal sealed class PrioritySlots(int count)
{
    /// <summary>One stage's place in the queue for cores.</summary>
    internal sealed class Claim(double priority, bool handedOff, long ticket, int cores)
    {
        public double Priority { get; } = priority;
        public bool HandedOff { get; } = handedOff;
        public long Ticket { get; } = ticket;
        public int Cores { get; } = cores;
    }

    private readonly object _gate = new();
    private readonly List<Claim> _queue = [];
    private readonly int _total = Math.Max(1, count);
    private int _free = Math.Max(1, count);
    private long _nextTicket;

    /// <summary>How many claims wait for cores (reserved or blocked in <see cref="Wait(Claim)"/>).</summary>
    public int Waiting { get { lock (_gate) return _queue.Count; } }

    /// <summary>The cores a stage asking for <paramref name="threads"/> gets: between 1 and the budget.</summary>
    public int Grant(int threads) => Math.Clamp(threads, 1, _total);

    /// <summary>Queues a claim for <see cref="Grant"/>(threads) cores. <paramref name="handedOff"/>: the stage became
    /// ready because an upstream just finished, so it goes before equal-priority claims that were waiting already.</summary>
    public Claim Reserve(double priority, int threads = 1, bool handedOff = false)
    {
        lock (_gate)
        {
            var claim = new Claim(priority, handedOff, _nextTicket++, Grant(threads));
            _queue.Add(claim);
            _queue.Sort(Ahead);
            return claim;
        }
    }

    /// <summary>Blocks until the claim's cores are free and every claim ahead of it is covered; returns the cores taken.</summary>
    public int Wait(Claim claim)
    {
        lock (_gate)
        {
            if (!_queue.Contains(claim)) throw new InvalidOperationException("a claim was used twice or after it was withdrawn");
            while (!Admissible(claim)) Monitor.Wait(_gate);
            _queue.Remove(claim);
            _free -= claim.Cores;
            Monitor.PulseAll(_gate);
            return claim.Cores;
        }
    }

    /// <summary>Reserves and waits at once (a stage that was not reserved when it became ready).</summary>
    public int Wait(double priority, int threads = 1) => Wait(Reserve(priority, threads));

    /// <summary>Gives up a claim that was not served (the stage was up to date, restored, skipped or failed); no-op
    /// for a claim already served or withdrawn.</summary>
    public void Withdraw(Claim claim)
    {
        lock (_gate)
        {
            if (_queue.Remove(claim)) Monitor.PulseAll(_gate);
        }
    }

    public void Release(int cores = 1)
    {
        lock (_gate)
        {
            _free += cores;
            Monitor.PulseAll(_gate);
        }
    }

    private bool Admissible(Claim claim)
    {
        var ahead = 0;
        foreach (var other in _queue)
        {
            if (ReferenceEquals(other, claim)) break;
            ahead += other.Cores;
        }
        return _free - ahead >= claim.Cores;
    }

    private static int Ahead(Claim a, Claim b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0) return byPriority;
        if (a.HandedOff != b.HandedOff) return a.HandedOff ? -1 : 1;
        return a.Ticket.CompareTo(b.Ticket);
    }
}
