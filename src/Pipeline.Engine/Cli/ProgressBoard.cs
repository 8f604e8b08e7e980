using System.Diagnostics;
using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Cli;

/// <summary>
/// What the live view and the plain lines say about the future: how many of the stages this run has to run or restore
/// are over (N of M), each running stage's time left and the run's, from past run times (<see cref="Timings"/>) and
/// the stages' own <c>k/n</c> progress lines (<see cref="Forecast"/>). Thread-safe.
/// </summary>
internal sealed class ProgressBoard
{
    private sealed class Row
    {
        public StageStatus Status;
        public long Started;
        public Step? Step;
        public TimeSpan AtStep;
    }

    private readonly Dictionary<string, IReadOnlyList<string>> _upstream;
    private readonly Func<string, TimeSpan?> _typical;
    private readonly Func<string, int> _threads;
    private readonly int _cores;
    private readonly Func<long> _now;
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private List<string> _toRun = [];
    private HashSet<string> _restorable = [];

    /// <param name="upstream">each instance's upstream ids</param>
    /// <param name="typical">an instance's usual run time (null = never timed)</param>
    /// <param name="cores">cores the stages share (int.MaxValue when a cluster places them)</param>
    /// <param name="now">the clock, in <see cref="Stopwatch"/> ticks (tests pass their own)</param>
    public ProgressBoard(IReadOnlyDictionary<string, IReadOnlyList<string>> upstream, Func<string, TimeSpan?> typical, Func<string, int> threads,
        int cores, Func<long>? now = null)
    {
        _upstream = new Dictionary<string, IReadOnlyList<string>>(upstream, StringComparer.Ordinal);
        _typical = typical;
        _threads = threads;
        _cores = cores;
        _now = now ?? Stopwatch.GetTimestamp;
    }

    /// <summary>The instances this run may run or restore (M), and those the run cache will likely restore (no time).</summary>
    public void Plan(IReadOnlyList<string> toRun, IReadOnlySet<string> restorable)
    {
        lock (_gate)
        {
            _toRun = toRun.ToList();
            _restorable = restorable.ToHashSet(StringComparer.Ordinal);
        }
    }

    public bool Counts(string id) { lock (_gate) return _toRun.Contains(id); }

    public void Update(string id, StageStatus status)
    {
        lock (_gate)
        {
            var row = RowOf(id);
            if (status == StageStatus.Running && row.Started == 0) row.Started = _now();
            row.Status = status;
        }
    }

    public void Progress(string id, string line)
    {
        if (Forecast.StepOf(line) is not { } step) return;
        lock (_gate)
        {
            var row = RowOf(id);
            row.Step = step;
            row.AtStep = row.Started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(row.Started, _now());
        }
    }

    /// <summary>(N, M): how many of the M instances this run has to run or restore are over.</summary>
    public (int Over, int Total) Tally()
    {
        lock (_gate) return (_toRun.Count(id => _rows.TryGetValue(id, out var r) && IsOver(r.Status)), _toRun.Count);
    }

    /// <summary>The usual run time of an instance, if it was timed before.</summary>
    public TimeSpan? Typical(string id) => _typical(id);

    /// <summary>A running instance's time left, or null when nothing tells.</summary>
    public TimeSpan? Left(string id)
    {
        lock (_gate) return _rows.TryGetValue(id, out var row) && row.Status == StageStatus.Running ? LeftOf(id, row) : null;
    }

    /// <summary>The run's time left, or null when the run has nothing left or no estimate at all.</summary>
    public RunEstimate? RunLeft()
    {
        lock (_gate)
        {
            var jobs = new List<ForecastJob>();
            foreach (var id in _toRun)
            {
                var row = _rows.GetValueOrDefault(id);
                if (row is not null && IsOver(row.Status)) continue;
                var running = row?.Status == StageStatus.Running;
                var left = running ? LeftOf(id, row!) : _restorable.Contains(id) ? TimeSpan.Zero : _typical(id);
                jobs.Add(new ForecastJob(id, _upstream.GetValueOrDefault(id) ?? [], left, _threads(id), running));
            }
            if (jobs.Count == 0) return null;
            var estimate = Forecast.Run(jobs, _cores);
            return estimate.LowerBound && estimate.Remaining == TimeSpan.Zero ? null : estimate;
        }
    }

    /// <summary>"2 of 5 done; run ETA 1:10": the live view's caption ("" when this run has nothing to run).</summary>
    public string RunText() => string.Join("; ", RunParts());

    /// <summary>What a plain status line of an instance this run has to run ends with (" [2 of 5 done; usually 0:42;
    /// run ETA 1:10]" when it starts), or "" for an instance that is up to date.</summary>
    public string Suffix(string id, StageStatus status)
    {
        if (!Counts(id) || status is StageStatus.Waiting or StageStatus.Building) return "";
        var parts = RunParts();
        if (status == StageStatus.Running && Typical(id) is { } usual) parts.Insert(1, $"usually {Forecast.Format(usual)}");
        return parts.Count == 0 ? "" : $" [{string.Join("; ", parts)}]";
    }

    /// <summary>What a plain progress line ends with: " [0:31 left; run ETA 1:00]" (what is known of it).</summary>
    public string ProgressSuffix(string id)
    {
        var parts = RunParts().Skip(1).ToList();
        if (Left(id) is { } left) parts.Insert(0, $"{Forecast.Format(left)} left");
        return parts.Count == 0 ? "" : $" [{string.Join("; ", parts)}]";
    }

    private List<string> RunParts()
    {
        var (over, total) = Tally();
        if (total == 0) return [];
        var parts = new List<string> { $"{over} of {total} done" };
        if (RunLeft() is { } l) parts.Add($"run ETA {(l.LowerBound ? "≥ " : "")}{Forecast.Format(l.Remaining)}");
        return parts;
    }

    private TimeSpan? LeftOf(string id, Row row)
    {
        var elapsed = row.Started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(row.Started, _now());
        return Forecast.Remaining(elapsed, _typical(id), row.Step, row.AtStep);
    }

    private Row RowOf(string id)
    {
        if (!_rows.TryGetValue(id, out var row)) _rows[id] = row = new Row();
        return row;
    }

    private static bool IsOver(StageStatus s) => s is StageStatus.Done or StageStatus.Restored or StageStatus.Cached or StageStatus.Failed or StageStatus.Skipped;
}
