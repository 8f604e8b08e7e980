using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Execution.Slurm;

/// <summary>
/// Runs each stage instance as one `sbatch --parsable` job (chosen with --executor slurm). The engine submits an
/// instance only once its upstream is published, so a cached upstream never waits on a job. The job's stdout/stderr go
/// to the stage log (tailed for ::progress lines); its end is its exit-code file, with squeue (one call per poll for all
/// jobs) telling a queued, running, killed or vanished job apart. Cancellation scancels the job and waits for it to go.
/// Jobs are listed in .pipeline/slurm-jobs.tsv while they run, so a run after a killed engine cancels its orphans.
/// </summary>
internal sealed class SlurmRunner(Workspace workspace, SlurmSettings settings, Action<string> note) : IStageRunner, IDisposable
{
    private readonly SlurmQueue _queue = new(TimeSpan.FromSeconds(settings.PollSeconds));
    private readonly object _ledgerGate = new();
    private string Ledger => Path.Combine(workspace.State, "slurm-jobs.tsv");

    public string Name => "slurm";

    public bool UsesLocalCores => false;

    /// <summary>Checks Slurm is usable (exit 2 otherwise) and cancels jobs an earlier, killed run left in the queue.</summary>
    public void Start()
    {
        // every queued job keeps one thread waiting for it: let the pool grow at once rather than one thread a second
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 128), io);
        foreach (var warning in SlurmPreflight.Check(workspace.Root)) note("warning: " + warning);
        if (!File.Exists(Ledger)) return;
        var orphans = File.ReadAllLines(Ledger).Select(l => l.Split('\t')).Where(f => f.Length >= 2).ToList();
        if (orphans.Count > 0)
        {
            SlurmCommands.Run("scancel", orphans.Select(f => f[0]), TimeSpan.FromSeconds(30));
            note($"cancelled Slurm job(s) {string.Join(", ", orphans.Select(f => $"{f[0]} ({f[1]})"))} left by an earlier run that did not finish");
        }
        File.Delete(Ledger);
    }

    public StageOutcome Run(StageLaunch launch, CancellationToken cancel)
    {
        var jobDir = launch.Staging + ".job";
        Directory.CreateDirectory(jobDir);
        try { return Submit(launch, jobDir, cancel); }
        finally { Publisher.TryDelete(jobDir); }
    }

    private StageOutcome Submit(StageLaunch launch, string jobDir, CancellationToken cancel)
    {
        var script = Path.Combine(jobDir, "job.sh");
        File.WriteAllText(script, JobScript.For(launch, workspace.Root, jobDir));
        Directory.CreateDirectory(Path.GetDirectoryName(launch.LogFile)!);
        File.WriteAllText(launch.LogFile, $"$ {launch.Program} {string.Join(' ', launch.Args)}\n");
        var stage = launch.Id.Split('/')[0];
        var args = new List<string> { "--parsable", $"--job-name={launch.Id}", $"--chdir={workspace.Root}", $"--output={launch.LogFile}", "--open-mode=append" };
        args.AddRange(settings.FlagsFor(stage, launch.Threads));
        args.Add(script);
        if (cancel.IsCancellationRequested) return new StageOutcome(130, "interrupted before it was submitted");
        var submitted = SlurmCommands.Run("sbatch", args, TimeSpan.FromSeconds(60));
        if (submitted.Exit != 0) return new StageOutcome(1, $"sbatch refused the job: {submitted.Message.Replace('\n', ' ')}");
        var id = submitted.Stdout.Trim().Split(';')[0];
        AddToLedger(id, launch.Id);
        _queue.Track(id);
        launch.Progress($"queued as Slurm job {id}");
        try { return Wait(launch, id, jobDir, cancel); }
        finally
        {
            _queue.Forget(id);
            RemoveFromLedger(id);
        }
    }

    private StageOutcome Wait(StageLaunch launch, string id, string jobDir, CancellationToken cancel)
    {
        var tail = new LogTail(launch.LogFile);
        var exitFile = Path.Combine(jobDir, JobScript.ExitFile);
        var lastState = "";
        Stopwatch? endedWithoutExit = null;
        while (true)
        {
            foreach (var line in tail.NewLines())
                if (line.StartsWith("::progress ", StringComparison.Ordinal)) launch.Progress(line["::progress ".Length..].Trim());
            if (File.Exists(exitFile) && int.TryParse(File.ReadAllText(exitFile).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                return code > 128 && KilledBySlurm(id) is { } killed
                    ? new StageOutcome(1, Ended(id, killed, 0, null) + $" (the stage got signal {code - 128})", Where: Where(id, jobDir, killed))
                    : new StageOutcome(code, Where: Where(id, jobDir, null), Machine: Machine(jobDir));
            if (cancel.IsCancellationRequested) return Cancel(id, jobDir);
            var (state, missing, pollError) = _queue.Get(id);
            if (state is not null && state.State != lastState && !state.IsOver)
            {
                lastState = state.State;
                launch.Progress(state.State == "RUNNING" ? $"Slurm job {id} running on {state.Nodes}" : $"Slurm job {id} {state.State.ToLowerInvariant()} ({state.Reason})");
            }
            // the exit file may appear a moment after the job left the queue (shared file systems): one more interval
            if ((state?.IsOver == true) || missing >= 2) endedWithoutExit ??= Stopwatch.StartNew();
            if (endedWithoutExit is not null && endedWithoutExit.Elapsed > _queue.Interval + TimeSpan.FromSeconds(1) && !File.Exists(exitFile))
                return new StageOutcome(1, Ended(id, state, missing, pollError), Where: Where(id, jobDir, state));
            Thread.Sleep(200);
        }
    }

    /// <summary>A stage that died of a signal may have been killed by Slurm (time limit, scancel): wait for squeue to show
    /// how the job ended, briefly, and return that state when it is one of Slurm's kills.</summary>
    private JobState? KilledBySlurm(string id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < 2 * _queue.Interval + TimeSpan.FromSeconds(2))
        {
            if (_queue.Get(id).State is { IsOver: true } over)
                return over.State is "CANCELLED" or "TIMEOUT" or "OUT_OF_MEMORY" or "NODE_FAIL" or "PREEMPTED" or "DEADLINE" ? over : null;
            Thread.Sleep(200);
        }
        return null;
    }

    private static string Ended(string id, JobState? state, int missing, string? pollError) => state is { IsOver: true } s && missing == 0
        ? $"Slurm job {id} ended as {s.State}{(s.Reason is "None" or "" ? "" : $" ({s.Reason})")} without an exit code: " + s.State switch
        {
            "CANCELLED" => "it was cancelled (scancel, or an administrator)",
            "TIMEOUT" => "its time limit ran out; raise slurm.time in .nuke/parameters.json",
            "OUT_OF_MEMORY" => "it ran out of memory; raise slurm.mem in .nuke/parameters.json",
            "NODE_FAIL" => "its node failed",
            "PREEMPTED" => "it was preempted",
            _ => "Slurm killed it",
        }
        : $"Slurm job {id} vanished from the queue without writing an exit code (killed, or its node lost the workspace){(pollError is null ? "" : $"; squeue: {pollError}")}";

    /// <summary>scancel, then wait (bounded) until the job has left the node, so the staging folder can be removed.</summary>
    private StageOutcome Cancel(string id, string jobDir)
    {
        SlurmCommands.Run("scancel", [id], TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var (state, missing, _) = _queue.Get(id);
            if (state?.IsOver == true || missing >= 1) break;
            Thread.Sleep(200);
        }
        return new StageOutcome(130, $"interrupted: Slurm job {id} cancelled with scancel", Where: Where(id, jobDir, null));
    }

    private string Where(string id, string jobDir, JobState? state)
    {
        var nodeFile = Path.Combine(jobDir, JobScript.NodeFile);
        var node = File.Exists(nodeFile) ? File.ReadAllText(nodeFile).Trim() : state?.Nodes ?? _queue.Get(id).State?.Nodes ?? "";
        return node.Length > 0 ? $"job {id} on {node}" : $"job {id}";
    }

    private static string? Machine(string jobDir)
    {
        var file = Path.Combine(jobDir, JobScript.CpuFile);
        return File.Exists(file) ? MachineDescription.Describe(File.ReadAllText(file)) : null;
    }

    private void AddToLedger(string id, string stageId)
    {
        lock (_ledgerGate) File.AppendAllText(Ledger, $"{id}\t{stageId}\n");
    }

    private void RemoveFromLedger(string id)
    {
        lock (_ledgerGate)
        {
            if (!File.Exists(Ledger)) return;
            var rest = File.ReadAllLines(Ledger).Where(l => !l.StartsWith(id + "\t", StringComparison.Ordinal)).ToList();
            if (rest.Count == 0) File.Delete(Ledger);
            else AtomicFile.WriteAllText(Ledger, string.Join("\n", rest) + "\n");
        }
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>Reads the lines appended to a log since the last call (a partial last line waits for its end).</summary>
    private sealed class LogTail(string file)
    {
        private long _offset;
        private readonly StringBuilder _partial = new();

        public IEnumerable<string> NewLines()
        {
            if (!File.Exists(file)) return [];
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset) _offset = 0;
            stream.Seek(_offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            _offset = stream.Length;
            _partial.Append(text);
            var all = _partial.ToString();
            var cut = all.LastIndexOf('\n');
            if (cut < 0) return [];
            _partial.Clear().Append(all[(cut + 1)..]);
            return all[..cut].Split('\n');
        }
    }
}
