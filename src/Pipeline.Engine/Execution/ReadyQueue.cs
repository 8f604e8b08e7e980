namespace Pipeline.Engine.Execution;

/// <summary>
/// Hands cores to stage instances as they become ready. Every instance claims its cores the moment its last upstream
/// finishes — inside that upstream's slot, before the upstream's cores are released — so the freed cores go to it
/// (by critical-path priority) and not to a leaf stage that happened to be waiting. Instances without upstream claim
/// theirs before any starts. An instance that turns out not to run withdraws its claim.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly PrioritySlots _slots;
    private readonly IReadOnlyDictionary<string, double> _priority;
    private readonly Func<string, int> _threads;
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrioritySlots.Claim> _claims = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <param name="upstream">each instance's upstream ids (every one of them an instance of this run)</param>
    public ReadyQueue(PrioritySlots slots, IReadOnlyDictionary<string, IReadOnlyList<string>> upstream,
        IReadOnlyDictionary<string, double> priority, Func<string, int> threads)
    {
        _slots = slots;
        _priority = priority;
        _threads = threads;
        foreach (var id in upstream.Keys) _children[id] = [];
        foreach (var (id, ups) in upstream)
        {
            _pending[id] = ups.Count;
            foreach (var up in ups) _children[up].Add(id);
        }
        foreach (var (id, count) in _pending.Where(p => p.Value == 0)) Claim(id, handedOff: false);
    }

    /// <summary>Blocks until the instance's claimed cores are its; returns how many it took.</summary>
    public int Take(string id)
    {
        PrioritySlots.Claim? claim;
        lock (_gate) _claims.Remove(id, out claim);
        return claim is null ? _slots.Wait(_priority.GetValueOrDefault(id), _threads(id)) : _slots.Wait(claim);
    }

    /// <summary>The instance is over (whatever its result): its dependents whose upstream are now all over claim
    /// cores. Call it before releasing the instance's own cores; calling it again does nothing.</summary>
    public void Finished(string id)
    {
        lock (_gate)
        {
            if (!_finished.Add(id)) return;
            foreach (var child in _children[id])
                if (--_pending[child] == 0) Claim(child, handedOff: true);
        }
    }

    /// <summary>Returns cores an instance took (after <see cref="Finished"/>, so its dependents are first in line).</summary>
    public void Release(int cores) => _slots.Release(cores);

    /// <summary>Gives up the instance's claim when it did not take its cores (it was up to date, restored, skipped ...).</summary>
    public void Withdraw(string id)
    {
        PrioritySlots.Claim? claim;
        lock (_gate) _claims.Remove(id, out claim);
        if (claim is not null) _slots.Withdraw(claim);
    }

    private void Claim(string id, bool handedOff) =>
        _claims[id] = _slots.Reserve(_priority.GetValueOrDefault(id), _threads(id), handedOff);
}
