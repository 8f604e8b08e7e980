using System.Diagnostics;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Runs stage instances in topological order, independent ones in parallel up to --jobs. A stale stage is restored
/// from the run cache when its fingerprint was seen before, else built (if needed) and run into a staging folder that
/// is published only after exit 0 with every declared output present. On failure, dependents are skipped by name and
/// unrelated branches finish; earlier outputs and lock entries stay untouched.
/// </summary>
internal sealed class Executor(Workspace workspace, StateReader reader, LockFile lockFile, RunCache runCache,
    StageBuilder builder, IProgressSink sink, RunOptions options, IStageRunner runner, Timings timings, ProvenanceFile? provenance = null)
{
    private readonly object _lockGate = new();
    private readonly Dictionary<string, string> _buildFailures = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StageResult> _finished = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _sameWork = new(StringComparer.Ordinal);
    private IReadOnlyList<StageInstance> _instances = [];

    public IReadOnlyList<StageResult> Run(IReadOnlyList<StageInstance> instances, CancellationToken cancel)
    {
        _instances = instances;
        var plan = new Planner(workspace, reader, lockFile, options).Plan(instances);
        PhaseTimer.Mark("plan");
        var restorable = instances.Where(i => Restorable(i, plan)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        sink.Planned(instances.Where(i => plan[i.Id].MayRun).Select(i => i.Id).ToList(), restorable);
        if (!options.DryRun && !options.RestoreOnly) BuildStaleProjects(instances, plan, restorable, cancel);
        var tasks = new Dictionary<string, Task<StageResult>>(StringComparer.Ordinal);
        var ready = runner.UsesLocalCores ? Schedule(instances, plan, restorable) : null;
        foreach (var instance in instances)
        {
            var upstream = instance.Inputs.Where(i => i.UpstreamId is not null && tasks.ContainsKey(i.UpstreamId))
                .Select(i => tasks[i.UpstreamId!]).Distinct().ToArray();
            tasks[instance.Id] = Task.WhenAll(upstream).ContinueWith(done =>
            {
                try { return Guard(instance, () => RunOne(instance, done.Result, plan[instance.Id], ready, cancel)); }
                finally
                {
                    ready?.Finished(instance.Id);
                    ready?.Withdraw(instance.Id);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        Task.WaitAll(tasks.Values.ToArray<Task>(), CancellationToken.None);
        return instances.Select(i => tasks[i.Id].Result).ToList();
    }

    /// <summary>Who gets the --jobs cores first: instances by critical path (estimated from past run times), each claiming
    /// its cores the moment it is ready.</summary>
    private ReadyQueue Schedule(IReadOnlyList<StageInstance> instances, IReadOnlyDictionary<string, PlannedStage> plan, IReadOnlySet<string> restorable)
    {
        var nodes = CriticalPath.NodesOf(instances, i => !plan[i.Id].MayRun || restorable.Contains(i.Id) ? 0 : timings.Typical(i.Id)?.TotalSeconds);
        var threads = instances.ToDictionary(i => i.Id, i => StageEnvironment.Threads(i, reader.ParamsOf(i)), StringComparer.Ordinal);
        var upstream = nodes.ToDictionary(n => n.Id, n => (IReadOnlyList<string>)n.Upstream.Where(threads.ContainsKey).ToList(), StringComparer.Ordinal);
        return new ReadyQueue(new PrioritySlots(options.Jobs), upstream, CriticalPath.Priorities(nodes), id => threads[id]);
    }

    /// <summary>The stage contract's exit code for bad input (docs/stage-contract.md): a run whose failures are all
    /// bad input exits 2 like a usage error, not 1 like a bug.</summary>
    private const int StageBadInputExit = 2;

    private StageResult Guard(StageInstance instance, Func<StageResult> work)
    {
        try { return work(); }
        catch (UsageException e) { return Report(instance, StageStatus.Failed, e.Message, TimeSpan.Zero, badInput: true); }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            return Report(instance, StageStatus.Failed, $"{e.Message} while running {instance.Id}; check the permissions and free space of the workspace", TimeSpan.Zero, badInput: true);
        }
    }

    private StageResult RunOne(StageInstance instance, StageResult[] upstream, PlannedStage planned, ReadyQueue? ready, CancellationToken cancel)
    {
        if (Blocker(instance, upstream) is { } blocker) return Report(instance, StageStatus.Skipped, blocker, TimeSpan.Zero, blockedBy: blocker);
        if (options.Skips(instance)) return Report(instance, StageStatus.Skipped, "--skip", TimeSpan.Zero);
        if (!planned.MayRun && upstream.All(u => u.Status == StageStatus.Cached))
            return Report(instance, StageStatus.Cached, "", TimeSpan.Zero); // nothing upstream changed since planning
        if (options.DryRun && upstream.Where(u => u.Status == StageStatus.Waiting).Select(u => u.Id).ToList() is { Count: > 0 } pending)
            return Report(instance, StageStatus.Waiting, "would run: " + string.Join("; ", pending.Select(p => $"upstream {p} will run")), TimeSpan.Zero);

        var state = reader.Read(instance);
        if (state.Missing.Any())
            return Report(instance, StageStatus.Failed, string.Join("; ", state.Missing.Select(d => $"dependency {d.Path} (input '{d.Name}') does not exist")), TimeSpan.Zero, badInput: true);
        var entry = lockFile[instance.Id];
        var reasons = options.Forces(instance) ? ["forced with --force"] : StatusCheck.Reasons(instance, state, entry, reader, workspace);
        if (reasons.Count == 0) return Report(instance, StageStatus.Cached, "", TimeSpan.Zero);
        var why = string.Join("; ", reasons);
        if (options.DryRun) return Report(instance, StageStatus.Waiting, "would run: " + why, TimeSpan.Zero);

        if (cancel.IsCancellationRequested) return Report(instance, StageStatus.Skipped, "interrupted", TimeSpan.Zero, blockedBy: "interrupted");

        // Two instances with one fingerprint (Pretrain and PretrainCurve/pretrain_seed-0) are the same work and would
        // share a resume folder: one runs, the other waits for it and then restores its outputs from the run cache.
        var sameWork = _sameWork.GetOrAdd(state.Fingerprint, _ => new SemaphoreSlim(1, 1));
        if (!sameWork.Wait(0))
        {
            sink.Update(instance.Id, StageStatus.Waiting, $"{why}; the same work (fingerprint {state.Fingerprint[..8]}) is running as another stage");
            sameWork.Wait(CancellationToken.None);
        }
        try { return RestoreOrExecute(instance, state, why, ready, cancel); }
        finally { sameWork.Release(); }
    }

    private StageResult RestoreOrExecute(StageInstance instance, StageState state, string why, ReadyQueue? ready, CancellationToken cancel)
    {
        if (cancel.IsCancellationRequested) return Report(instance, StageStatus.Skipped, "interrupted", TimeSpan.Zero, blockedBy: "interrupted");
        if (!options.NoRunCache && !options.Forces(instance) && runCache.Restore(state.Fingerprint, instance.Id) is { } restored)
        {
            Publisher.Publish(restored, workspace.Full(instance.OutputDir), workspace);
            reader.Forget(instance.OutputDir);
            Record(instance, state, runCache.MachineOf(state.Fingerprint));
            return Report(instance, StageStatus.Restored, why, TimeSpan.Zero);
        }
        if (options.RestoreOnly)
            return Report(instance, StageStatus.Skipped, $"not in the run cache ({why}); nothing runs here: ./build.sh makes it", TimeSpan.Zero,
                blockedBy: $"upstream {instance.Id} is not in the run cache");
        if (instance.Stage.ProjectPath is { } project && BuildError(project, state.Code.Hash, cancel) is { } buildError)
            return Report(instance, StageStatus.Failed, $"building {project} failed:{Environment.NewLine}{buildError}", TimeSpan.Zero);

        sink.Update(instance.Id, StageStatus.Waiting, why);
        if (ready is null) return Execute(instance, state, why, cancel);
        var cores = ready.Take(instance.Id);
        try { return Execute(instance, state, why, cancel); }
        finally
        {
            ready.Finished(instance.Id); // its ready dependents claim these cores before they are released
            ready.Release(cores);
        }
    }

    private StageResult Execute(StageInstance instance, StageState state, string why, CancellationToken cancel)
    {
        if (cancel.IsCancellationRequested) return Report(instance, StageStatus.Skipped, "interrupted", TimeSpan.Zero, blockedBy: "interrupted");
        var clock = Stopwatch.StartNew();
        sink.Update(instance.Id, StageStatus.Running, why);
        var staging = Path.Combine(workspace.Staging, $"{instance.Id.Replace('/', '.')}-{Guid.NewGuid():N}");
        FileSystemFault.Guard(staging, "creating the stage's staging folder", () => Directory.CreateDirectory(staging), workspace.Root);
        var paramsFile = workspace.Full($".pipeline/params/{instance.Id.Replace('/', '.')}.yaml");
        FileSystemFault.Guard(paramsFile, "writing the stage's params file", () => AtomicFile.WriteAllText(paramsFile, ResolvedParams.ToYaml(state.Params)), workspace.Root, fileExpected: true);
        var (program, args) = CommandLine(instance, paramsFile, staging);
        // A stage may keep resumable state (e.g. the last checkpoint) in a folder keyed by its fingerprint: a rerun
        // after a kill resumes only when it would be made from exactly the same code, data and params.
        var resumeDir = workspace.Full($".pipeline/resume/{state.Fingerprint}");
        var threads = StageEnvironment.Threads(instance, state.Params);
        var outcome = runner.Run(new StageLaunch(instance.Id, program, args, staging, workspace.Full(instance.LogFile), resumeDir,
            StageEnvironment.For(state, resumeDir, threads, instance.Stage.WantsProvenance ? provenance?.Write(instance, _instances, _finished) : null), threads, line => sink.Progress(instance.Id, line)), cancel);
        var log = instance.LogFile;
        var where = outcome.Where is null ? "" : $" ({outcome.Where})";
        if (outcome.Failure is { } failure)
        {
            Publisher.TryDelete(staging);
            var tail = StageProcess.Tail(workspace.Full(log));
            return Report(instance, StageStatus.Failed, failure + where + (tail.Length > 0 ? $"; log {log}{Environment.NewLine}{tail}" : ""), clock.Elapsed,
                badInput: outcome.BadInput, where: outcome.Where);
        }
        var exit = cancel.IsCancellationRequested && outcome.ExitCode == 0 ? 130 : outcome.ExitCode;
        if (exit != 0)
        {
            Publisher.TryDelete(staging);
            var tail = StageProcess.Tail(workspace.Full(log));
            return Report(instance, StageStatus.Failed, $"exit code {exit}{(cancel.IsCancellationRequested ? " (interrupted)" : ExitSignal.Explain(exit))}{where}; log {log}{(tail.Length > 0 ? Environment.NewLine + tail : "")}",
                clock.Elapsed, badInput: exit == StageBadInputExit, where: outcome.Where);
        }
        var missing = LockEntries.DeclaredOutputs(instance).Where(o => o != "." && !File.Exists(Path.Combine(staging, o)) && !Directory.Exists(Path.Combine(staging, o))).ToList();
        if (missing.Count > 0)
        {
            Publisher.TryDelete(staging);
            return Report(instance, StageStatus.Failed, $"exited 0 but did not write declared output{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}{where}; log {log}", clock.Elapsed, where: outcome.Where);
        }
        Publisher.Publish(staging, workspace.Full(instance.OutputDir), workspace);
        Publisher.TryDelete(resumeDir);
        reader.Forget(instance.OutputDir);
        Record(instance, state, outcome.Machine ?? MachineDescription.Cpu);
        timings.Add(instance.Id, clock.Elapsed, threads);
        return Report(instance, StageStatus.Done, why, clock.Elapsed, where: outcome.Where);
    }

    private (string Program, List<string> Args) CommandLine(StageInstance instance, string paramsFile, string staging)
    {
        var stage = instance.Stage;
        var args = new List<string>();
        string program;
        if (stage.ProjectPath is not null) { program = "dotnet"; args.Add(builder.AssemblyPath(stage.ProjectPath)); }
        else { program = stage.Program!; args.AddRange(stage.ProgramArgs); }
        args.AddRange(["--params", paramsFile, "--output", staging]);
        foreach (var input in instance.Inputs) args.AddRange(["--input", $"{input.Name}={workspace.Full(input.Path)}"]);
        return (program, args);
    }

    /// <summary>Hashes the published outputs (the whole folder, and each declared output), writes the lock entry
    /// (atomically), fills the run cache, copies metrics. <paramref name="machine"/> is the CPU the outputs were made on.</summary>
    private void Record(StageInstance instance, StageState state, string machine)
    {
        var dir = workspace.Full(instance.OutputDir);
        var folder = reader.Hasher.HashFolder(dir);
        reader.KeepManifest(folder);
        var entry = LockEntries.From(instance, state, folder, dir, reader.Hasher, machine);
        if (!options.NoRunCache) runCache.Store(state.Fingerprint, dir, folder, machine, instance.Id, entry);
        foreach (var metrics in instance.Stage.MetricsPaths)
        {
            var target = workspace.Full($"{instance.MetricsDir}/{metrics}");
            FileSystemFault.Guard(target, "copying metrics", () => AtomicFile.Copy(Path.Combine(dir, metrics), target), workspace.Root, fileExpected: true);
        }
        lock (_lockGate)
        {
            lockFile.Set(instance.Id, entry);
            FileSystemFault.Guard(workspace.LockFile, $"recording {instance.Id} (its outputs are published; the next run re-checks them)",
                () => lockFile.Save(workspace.LockFile), workspace.Root, fileExpected: true);
        }
    }

    /// <summary>The build error of a stage project, building it first when it is not built at this code hash (the plan
    /// skips projects whose instances it expects to restore; an upstream that changed can make them run after all).</summary>
    private string? BuildError(string project, string codeHash, CancellationToken cancel)
    {
        lock (_buildFailures)
        {
            if (_buildFailures.TryGetValue(project, out var known)) return known;
            if (builder.IsBuilt(project, codeHash)) return null;
            sink.Note($"building {project} (Release)");
            var error = builder.Build(new Dictionary<string, string> { [project] = codeHash }, cancel);
            if (error is not null) _buildFailures[project] = error;
            return error;
        }
    }

    /// <summary>Whether the run cache will likely restore the instance, so its stage app is not built up front (a second
    /// clone on a shared cache builds nothing): its fingerprint is in the cache, or its inputs are not produced yet and
    /// the cache holds results of that instance. Should it run after all, its project is built then (BuildError).</summary>
    private bool Restorable(StageInstance i, IReadOnlyDictionary<string, PlannedStage> plan)
    {
        if (options.NoRunCache || options.Forces(i) || !plan[i.Id].MayRun || plan[i.Id].Fingerprint is not { } fp) return false;
        return runCache.Has(fp) || (i.Inputs.Any(input => input.UpstreamId is not null && reader.Digest(input.Path) is null)
            && (_cachedInstances ??= runCache.InstanceIds()).Contains(i.Id));
    }

    private HashSet<string>? _cachedInstances;

    private void BuildStaleProjects(IReadOnlyList<StageInstance> instances, IReadOnlyDictionary<string, PlannedStage> plan, IReadOnlySet<string> restorable,
        CancellationToken cancel)
    {
        var stale = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in instances.Where(i => i.Stage.ProjectPath is not null && plan[i.Id].MayRun && !options.Skips(i) && !restorable.Contains(i.Id)))
            if (plan[instance.Id].CodeHash is { } hash && !builder.IsBuilt(instance.Stage.ProjectPath!, hash))
                stale[instance.Stage.ProjectPath!] = hash;
        if (stale.Count == 0) return;
        sink.Note($"building {string.Join(", ", stale.Keys)} (Release)");
        var error = builder.Build(stale, cancel);
        if (error is not null)
            foreach (var project in stale.Keys) _buildFailures[project] = error;
    }

    /// <summary>Why an instance must not run on its upstream's outputs in this run: an upstream (or one of its own
    /// upstreams, transitively) failed, was interrupted, or was skipped without an output. An older output of a failed
    /// upstream is never used, so a failed run cannot publish results mixing new and old inputs.</summary>
    private string? Blocker(StageInstance instance, IEnumerable<StageResult> upstream)
    {
        foreach (var u in upstream)
        {
            if (u.Status == StageStatus.Failed) return $"upstream {u.Id} failed";
            if (u.Status != StageStatus.Skipped) continue;
            if (u.BlockedBy is { } inherited) return inherited;
            if (!Directory.Exists(workspace.Full(OutputOf(instance, u.Id)))) return $"upstream {u.Id} was skipped and has no output";
        }
        return null;
    }

    private string OutputOf(StageInstance instance, string upstreamId) =>
        instance.Inputs.First(i => i.UpstreamId == upstreamId).Path;

    private StageResult Report(StageInstance instance, StageStatus status, string detail, TimeSpan elapsed, bool badInput = false,
        string? blockedBy = null, string? where = null)
    {
        sink.Update(instance.Id, status, detail.Split('\n')[0]);
        if (status == StageStatus.Failed) sink.Note($"{instance.Id} failed: {detail}");
        var result = new StageResult(instance.Id, status, detail, elapsed, badInput, blockedBy) { Where = where };
        if (status is not (StageStatus.Waiting or StageStatus.Building or StageStatus.Running)) _finished[instance.Id] = result;
        return result;
    }
}
