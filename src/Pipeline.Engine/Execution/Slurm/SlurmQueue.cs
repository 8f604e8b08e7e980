using System.Globalization;

namespace Pipeline.Engine.Execution.Slurm;

/// <summary>A job's state as squeue last showed it (state, node list, reason); null fields before the first poll.</summary>
internal sealed record JobState(string State, string Nodes, string Reason)
{
    /// <summary>Slurm states in which a job is over (shown by squeue -t all until MinJobAge passes).</summary>
    public bool IsOver => State is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY"
        or "PREEMPTED" or "BOOT_FAIL" or "DEADLINE" or "SPECIAL_EXIT" or "REVOKED";
}

/// <summary>
/// Tracks the state of every job this run submitted with ONE squeue call per poll interval for all of them (no sacct:
/// accounting is often off). Jobs squeue no longer lists are reported as missing; the runner decides from its exit-code
/// file whether that is the normal end or a job that vanished.
/// </summary>
internal sealed class SlurmQueue(TimeSpan interval) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JobState?> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _missingPolls = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _poller;
    private string? _error;

    public TimeSpan Interval => interval;

    /// <summary>How many squeue calls this run made (for the benchmark and tests).</summary>
    public int Polls { get; private set; }

    public void Track(string jobId)
    {
        lock (_gate)
        {
            _jobs[jobId] = null;
            // a thread of its own: with many jobs waiting, the thread pool's threads are all blocked in their waits
            if (_poller is null) { _poller = new Thread(Poll) { IsBackground = true, Name = "squeue poller" }; _poller.Start(); }
        }
    }

    public void Forget(string jobId)
    {
        lock (_gate) { _jobs.Remove(jobId); _missingPolls.Remove(jobId); }
    }

    /// <summary>The last state seen, and how many polls in a row did not list the job.</summary>
    public (JobState? State, int MissingPolls, string? PollError) Get(string jobId)
    {
        lock (_gate) return (_jobs.GetValueOrDefault(jobId), _missingPolls.GetValueOrDefault(jobId), _error);
    }

    private void Poll()
    {
        var user = Environment.UserName;
        while (!_stop.IsCancellationRequested)
        {
            string[] ids;
            lock (_gate) ids = [.. _jobs.Keys];
            if (ids.Length > 0)
            {
                // all states (-t all) so a job that just ended shows how (CANCELLED, TIMEOUT ...) until MinJobAge
                var result = SlurmCommands.Run("squeue", ["--noheader", "--states=all", $"--user={user}", "--format=%i|%T|%N|%r"], TimeSpan.FromSeconds(30));
                Polls++;
                var seen = Parse(result.Stdout);
                lock (_gate)
                {
                    _error = result.Exit == 0 ? null : result.Message;
                    if (result.Exit == 0)
                        foreach (var id in ids.Where(_jobs.ContainsKey))
                        {
                            if (seen.TryGetValue(id, out var state)) { _jobs[id] = state; _missingPolls[id] = 0; }
                            else _missingPolls[id] = _missingPolls.GetValueOrDefault(id) + 1;
                        }
                }
            }
            _stop.Token.WaitHandle.WaitOne(interval);
        }
    }

    internal static Dictionary<string, JobState> Parse(string squeue)
    {
        var states = new Dictionary<string, JobState>(StringComparer.Ordinal);
        foreach (var line in squeue.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            if (f.Length >= 4 && long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)) states[f[0]] = new JobState(f[1], f[2], f[3]);
        }
        return states;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _poller?.Join(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
