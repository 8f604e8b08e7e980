using System.Runtime.InteropServices;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>One invocation of the build: resolves targets, loads params, then runs a verb or the stages.</summary>
internal sealed partial class Session(object build, CliArguments cli, EngineOptions options, IAnsiConsole console)
{
    private PipelineModel model = null!;
    private static readonly string[] Verbs = ["Status", "Gc", "ParamsDiff", "MetricsDiff", "Experiments"];
    private readonly NukeParameters _nuke = NukeParameters.Load(options.Root);
    private Workspace? _workspaceValue;
    private Workspace _workspace => _workspaceValue ??= new Workspace(options.Root, cli.CacheDir ?? _nuke.CacheDir);

    private string ParamsPath => cli.ParamsFile ?? _nuke.Params;

    public int Execute()
    {
        var verb = cli.Targets.Count > 0 ? Verbs.FirstOrDefault(v => v.Equals(cli.Targets[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (verb == "ParamsDiff") return new DiffCommands(_workspace, console).ParamsDiff(ParamsPath, Revision());
        if (verb == "Gc") return new GcCommand(_workspace, cli, console, LoadLock).Run();
        if (verb == "Experiments") return Experiments();
        if (cli.Compare is { } compare) Say(ComparisonFile.Write(_workspace, compare));
        return Pipeline(verb, apply: null);
    }

    /// <summary>Discovers the pipeline with validated params, then prints help, a plan, a status or diff, or runs the
    /// stages. <paramref name="apply"/>: Experiments apply — its params are written into the params file before they are
    /// read, its targets are run, and stale stages are only restored from the run cache.</summary>
    private int Pipeline(string? verb, ExperimentRecord? apply)
    {
        // params are validated before the stages are declared, so a declaration may read them (typed, via ParamValues)
        ParamValues values = null!;
        var lenient = cli.Help || verb == "MetricsDiff";
        model = PipelineModel.Discover(build, schema =>
        {
            if (apply is not null) WriteParams(apply, schema);
            return values = lenient ? TryLoadParams(schema) : LoadParams(schema);
        });
        PhaseTimer.Mark("params and discovery");
        if (cli.Help) { HelpText.Print(console, model, _nuke.Target); return Engine.Ok; }
        if (verb == "MetricsDiff") return new DiffCommands(_workspace, console).MetricsDiff(model, Revision());
        var names = apply is not null ? ResolveTargets(apply.Targets, allWhenEmpty: false)
            : ResolveTargets(verb is null ? cli.Targets : cli.Targets.Skip(1).ToList(), allWhenEmpty: verb == "Status" || cli.RepairLock);
        var instances = InstanceGraph.Expand(model, model.Closure(names), values);
        CheckStageNames(cli.Force.Concat(cli.Skip), instances);
        // Status and --repair-lock look at every stage, Compare included, without running it: no runs file needed
        if (verb != "Status" && !cli.RepairLock && cli.Compare is null && !File.Exists(_workspace.Full(ComparisonFile.Path))
            && instances.FirstOrDefault(i => i.Stage.Inputs.Any(d => d.Path == ComparisonFile.Path)) is { } comparing)
            throw new UsageException($"{comparing.Id} compares recorded experiments: name them, e.g. ./build.sh {comparing.Id} --compare e1,e2 (./build.sh Experiments lists them)");
        if (cli.Plan) { PlanText.Print(console, model, instances, _workspace); return Engine.Ok; }
        var cache = StatCache.Load(_workspace.StatCache, w => console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(w)));
        PhaseTimer.Mark("stat cache");
        var hasher = new ContentHasher(cache, Environment.ProcessorCount);
        var reader = new StateReader(_workspace, hasher, values, model.Schema);
        if (cli.RepairLock) return RepairLock(instances, reader, cache);
        var lockFile = LoadLock();
        PhaseTimer.Mark("stat cache and lock file");
        if (verb == "Status")
        {
            var plan = new Planner(_workspace, reader, lockFile).Plan(instances);
            cache.Save();
            return StatusText.Print(console, plan, instances);
        }
        return RunStages(instances, reader, lockFile, cache, values, names, restoreOnly: apply is not null);
    }

    private int RunStages(IReadOnlyList<StageInstance> instances, StateReader reader, LockFile lockFile, StatCache cache, ParamValues values,
        IReadOnlyList<string> targets, bool restoreOnly)
    {
        using var workspaceLock = cli.DryRun || _held is not null ? null : AcquireWorkspace();
        if (!cli.DryRun) Publisher.TryDelete(_workspace.Staging);
        var interactive = options.Interactive ?? (!System.Console.IsOutputRedirected && console.Profile.Capabilities.Interactive && !cli.Plain);
        var ids = instances.Select(i => i.Id).ToList();
        var timings = Timings.Load(_workspace);
        var board = Board(instances, reader, timings);
        IProgressSink sink = interactive ? new LiveProgress(console, ids, board) : new PlainProgress(console, board);
        var runCache = new RunCache(_workspace, reader.Hasher, sink.Note);
        if (!cli.DryRun && !cli.NoRunCache) runCache.Register();
        var runOptions = new RunOptions(cli.Jobs, cli.DryRun, cli.Force, cli.Skip, cli.NoRunCache, restoreOnly);
        using var runner = Runner(sink);
        var executor = new Executor(_workspace, reader, lockFile, runCache, new StageBuilder(_workspace), sink, runOptions, runner, timings,
            new ProvenanceFile(_workspace, () => RunProvenance.Of(_workspace, _nuke.Params, model.Schema, values), timings));
        using var cancel = new CancellationTokenSource();
        // Ctrl-C or SIGTERM: stop the running stages (their staging folders are removed), print the summary, exit 130
        Action<PosixSignalContext> onSignal = context => { context.Cancel = true; cancel.Cancel(); };
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        try
        {
            var results = sink is LiveProgress live
                ? live.Show(() => executor.Run(instances, cancel.Token))
                : executor.Run(instances, cancel.Token);
            PhaseTimer.Mark("stages");
            var lockProblem = cli.DryRun ? null : SavePrunedLock(instances, lockFile);
            cache.Save();
            var exit = SummaryText.Print(console, results, cli.DryRun);
            PhaseTimer.Mark("summary");
            if (lockProblem is not null)
            {
                console.MarkupLine("[red]error:[/] " + Markup.Escape(lockProblem));
                exit = Math.Max(exit, Engine.BadUsage);
            }
            if (cancel.IsCancellationRequested)
            {
                console.MarkupLine("[yellow]interrupted:[/] stopped the running stages; earlier outputs and pipeline.lock entries are untouched");
                return Engine.Interrupted;
            }
            if (exit == Engine.Ok && !cli.DryRun && !cli.NoRunCache && !restoreOnly)
                Say(new ExperimentRecorder(_workspace, new ExperimentStore(_workspace)).Record(
                    new RunFacts(ParamsPath, _nuke.Params, model.Schema, values, targets, instances, results, lockFile)));
            return exit;
        }
        finally
        {
            cache.Save();
        }
    }

    private WorkspaceLock AcquireWorkspace() => WorkspaceLock.Acquire(_workspace, n => console.MarkupLine("[yellow]note:[/] " + Markup.Escape(n)));

    private void Say(string? note)
    {
        if (note is not null) console.Profile.Out.Writer.WriteLine(note);
    }

    private string ExecutorName => cli.Executor ?? _nuke.Executor?.ToLowerInvariant() ?? "local";

    /// <summary>The estimates of the live view and plain lines: on --jobs cores locally, unbounded when Slurm places the jobs.</summary>
    private ProgressBoard Board(IReadOnlyList<StageInstance> instances, StateReader reader, Timings timings)
    {
        var upstream = instances.ToDictionary(i => i.Id, i => (IReadOnlyList<string>)i.Inputs.Select(x => x.UpstreamId).OfType<string>().Distinct().ToList(), StringComparer.Ordinal);
        var threads = instances.ToDictionary(i => i.Id, i => StageEnvironment.Threads(i, reader.ParamsOf(i)), StringComparer.Ordinal);
        return new ProgressBoard(upstream, timings.Typical, id => threads.GetValueOrDefault(id, 1), ExecutorName == "slurm" ? int.MaxValue / 4 : cli.Jobs);
    }

    /// <summary>The executor chosen with --executor (else "executor" in .nuke/parameters.json, else local). Slurm is
    /// checked before anything runs: its commands on PATH, its controller answering.</summary>
    private RunnerHandle Runner(IProgressSink sink)
    {
        var name = ExecutorName;
        if (name == "local" || cli.DryRun) return new RunnerHandle(new LocalRunner(_workspace, options.ResumeWait, sink.Note));
        if (name != "slurm") throw new UsageException($".nuke/parameters.json: \"executor\" must be local or slurm, got '{name}'");
        var settings = _nuke.Slurm ?? Execution.Slurm.SlurmSettings.Default;
        var unknown = settings.UnknownStages(model.StagesByName.Keys).ToList();
        if (unknown.Count > 0)
            throw new UsageException(unknown.Select(u => $".nuke/parameters.json: slurm.stages names '{u}', which is not a stage{EditDistance.Suggest(u, model.StagesByName.Keys)}").ToList());
        var slurm = new Execution.Slurm.SlurmRunner(_workspace, settings, sink.Note);
        slurm.Start();
        return new RunnerHandle(slurm);
    }

    private sealed class RunnerHandle(IStageRunner runner) : IStageRunner, IDisposable
    {
        public string Name => runner.Name;
        public bool UsesLocalCores => runner.UsesLocalCores;
        public StageOutcome Run(StageLaunch launch, CancellationToken cancel) => runner.Run(launch, cancel);
        public void Dispose() => (runner as IDisposable)?.Dispose();
    }

    /// <summary>Drops lock entries of stages and instances that no longer exist (and upgrades a version-1 lock); returns
    /// the problem when pipeline.lock cannot be written, so it is said after the summary.</summary>
    private string? SavePrunedLock(IReadOnlyList<StageInstance> instances, LockFile lockFile)
    {
        var pruned = lockFile.Prune(model.StagesByName.Keys.ToHashSet(),
            instances.Where(i => i.InstanceName is not null).Select(i => i.Stage.Name).ToHashSet(),
            instances.Select(i => i.Id).ToHashSet());
        if (!pruned && lockFile.ReadVersion >= LockFile.Version) return null;
        try { FileSystemFault.Guard(_workspace.LockFile, "writing pipeline.lock", () => lockFile.Save(_workspace.LockFile), _workspace.Root, fileExpected: true); }
        catch (UsageException e) { return e.Message; }
        return null;
    }

    private int RepairLock(IReadOnlyList<StageInstance> instances, StateReader reader, StatCache cache)
    {
        using var workspaceLock = AcquireWorkspace();
        var exit = new LockRepair(_workspace, reader, new RunCache(_workspace, reader.Hasher, w => console.WriteLine(w)), console).Run(instances);
        cache.Save();
        return exit;
    }

    /// <summary>pipeline.lock, proven whole. A version-1 lock (no checksum, no folder hashes) is read once more: its
    /// entries get their folder hashes from the run cache where it has them, and it is written as version 2.</summary>
    private LockFile LoadLock()
    {
        var lockFile = LockFile.Load(_workspace.LockFile, "pipeline.lock");
        if (lockFile.ReadVersion >= LockFile.Version) return lockFile;
        var runCache = new RunCache(_workspace, new ContentHasher(StatCache.Load(_workspace.StatCache, _ => { }), 1), _ => { });
        foreach (var (id, entry) in lockFile.Stages.ToList())
            if (entry.Folder is null && runCache.FolderOf(entry.Fingerprint) is { } folder) lockFile.Set(id, entry with { Folder = folder });
        console.MarkupLine("[yellow]note:[/] pipeline.lock is version 1 (no checksum); a run rewrites it as version 2");
        return lockFile;
    }

    private string Revision() => cli.Targets.Count > 1 ? cli.Targets[1] : "HEAD";

    private ParamValues TryLoadParams(IReadOnlyList<ParamSpec> schema)
    {
        try { return LoadParams(schema); }
        catch (UsageException) { return new ParamValues(new Dictionary<string, ParamValue>()); }
    }

    private ParamValues LoadParams(IReadOnlyList<ParamSpec> schema)
    {
        var full = _workspace.Full(ParamsPath);
        List<RawParam> entries = schema.Count == 0 && !File.Exists(full) ? [] : ParamsDocument.Load(full, ParamsPath);
        var problems = new List<string>();
        foreach (var set in cli.Sets)
        {
            try { entries.Add(ParamsDocument.FromSet(set)); }
            catch (UsageException e) { problems.AddRange(e.Problems); }
        }
        ParamValues values;
        try { values = ParamsValidator.Validate(schema, entries, ParamsPath); }
        catch (UsageException e) { throw new UsageException(problems.Concat(e.Problems).ToList()); }
        problems.AddRange(ParamsValidator.Check(PipelineModel.ChecksOf(build), schema, values, entries, ParamsPath));
        if (problems.Count > 0) throw new UsageException(problems);
        return values;
    }

    private List<string> ResolveTargets(IReadOnlyList<string> requested, bool allWhenEmpty)
    {
        if (requested.Count == 0)
        {
            if (allWhenEmpty) return model.Stages.Select(s => s.Name).ToList();
            if (_nuke.Target is null) throw new UsageException("no target given and .nuke/parameters.json names no default \"Target\"; see --help");
            requested = [_nuke.Target];
        }
        var valid = model.Stages.Select(s => s.Name).Concat(model.Targets.Select(t => t.Name)).ToList();
        var problems = new List<string>();
        var names = new List<string>();
        foreach (var name in requested)
        {
            var match = valid.FirstOrDefault(v => v.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (match is not null) names.Add(match);
            else problems.Add($"unknown target '{name}'{EditDistance.Suggest(name, valid.Concat(Verbs))}; valid targets: {string.Join(", ", valid.Concat(Verbs))}");
        }
        if (problems.Count > 0) throw new UsageException(problems);
        return names;
    }

    private void CheckStageNames(IEnumerable<string> names, IReadOnlyList<StageInstance> instances)
    {
        var valid = model.Stages.Select(s => s.Name).Concat(instances.Where(i => i.InstanceName is not null).Select(i => i.Id)).ToList();
        var problems = names.Where(n => !valid.Contains(n))
            .Select(n => $"unknown stage '{n}' in --force/--skip{EditDistance.Suggest(n, valid)}; valid stages: {string.Join(", ", model.Stages.Select(s => s.Name))}")
            .ToList();
        if (problems.Count > 0) throw new UsageException(problems);
    }
}
