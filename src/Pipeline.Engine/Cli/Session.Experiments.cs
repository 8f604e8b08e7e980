using Pipeline.Engine.Execution;
using Pipeline.Engine.Experiments;

namespace Pipeline.Engine.Cli;

/// <summary><c>./build.sh Experiments [show|apply|remove ID]</c>: listing, showing and removing read only the records;
/// apply runs the pipeline's machinery in restore-only mode with the experiment's params written into the params file.</summary>
internal sealed partial class Session
{
    /// <summary>The workspace lock Experiments apply holds from writing the params file to the end of the restore.</summary>
    private WorkspaceLock? _held;

    private int Experiments()
    {
        var args = cli.Targets.Skip(1).ToList();
        var commands = new ExperimentCommands(_workspace, console, PipelineModel.HeadlinesOf(build));
        string Id() => args.Count == 2 ? args[1]
            : throw new UsageException($"Experiments {args[0]} needs one experiment id (e.g. Experiments {args[0]} e3); ./build.sh Experiments lists them");
        switch (args.FirstOrDefault()?.ToLowerInvariant())
        {
            case null: return commands.List(cli.Last, cli.Csv ? "csv" : cli.Markdown ? "md" : "text");
            case "show": return commands.Show(Id());
            case "remove":
                using (AcquireWorkspace()) return commands.Remove(Id());
            case "apply":
                if (cli.Sets.Count > 0) throw new UsageException("Experiments apply writes the experiment's params; --set does not go with it");
                var id = Id();
                using (_held = AcquireWorkspace())
                {
                    var record = new ExperimentStore(_workspace).Load(id);
                    return Pipeline(verb: null, apply: record);
                }
            default:
                throw new UsageException($"Experiments {args[0]}: expected show, apply or remove and an experiment id, or nothing to list the experiments");
        }
    }

    /// <summary>Writes the experiment's values into the params file in place (keys today's schema no longer declares are
    /// left out, and said).</summary>
    private void WriteParams(ExperimentRecord record, IReadOnlyList<ParamSpec> schema)
    {
        var keys = schema.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var values = record.Params.Where(p => keys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var file = _workspace.Full(ParamsPath);
        var text = File.Exists(file) ? File.ReadAllText(file) : "";
        var updated = ParamsFileEditor.Apply(text, values, schema, ParamsPath);
        var before = text.Length == 0 ? new SortedDictionary<string, string>() : ParamsBaseline.Canonical(ParamsValidator.Lenient(schema, ParamsDocument.Parse(text, ParamsPath)));
        var written = before.Keys.Union(values.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ParamChange(k, before.GetValueOrDefault(k), values.GetValueOrDefault(k))).Where(c => c.Old != c.New).ToList();
        var dropped = record.Params.Keys.Where(k => !keys.Contains(k)).ToList();
        if (dropped.Count > 0) Say($"note: experiment {record.Id} set {string.Join(", ", dropped)}, which the params schema no longer declares; left out");
        if (updated == text) { Say($"experiment {record.Id}: {ParamsPath} holds its params already; restoring its outputs (no stage runs)"); return; }
        FileSystemFault.Guard(file, $"writing experiment {record.Id}'s params", () => AtomicFile.WriteAllText(file, updated), _workspace.Root, fileExpected: true);
        Say($"experiment {record.Id}: wrote its params into {ParamsPath} ({ExperimentRecorder.Summary(written)}); restoring its outputs from the run cache (no stage runs)");
    }
}
