using System.Globalization;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Experiments;

/// <summary><c>./build.sh Experiments</c> (the table of the last N, as text, <c>--md</c> or <c>--csv</c>),
/// <c>Experiments show ID</c> and <c>Experiments remove ID</c>. They read only the records, never the stages.</summary>
internal sealed class ExperimentCommands(Workspace workspace, IAnsiConsole console, IReadOnlyList<HeadlineMetric> headlines)
{
    private readonly ExperimentStore _store = new(workspace);

    private void Line(string text) => console.Profile.Out.Writer.WriteLine(text);

    public int List(int last, string format)
    {
        var (records, problems) = _store.All();
        foreach (var problem in problems) Line("warning: " + problem);
        if (records.Count == 0)
        {
            Line($"no experiments recorded yet: a run that changes params (--set, --params or an edited params file) is recorded in {workspace.Relative(_store.Folder)}/");
            return Engine.Ok;
        }
        var shown = records.TakeLast(last).ToList();
        var table = ExperimentTable.Of(shown, Metrics);
        var text = format switch { "md" => table.Markdown(), "csv" => table.Csv(), _ => table.Text() };
        Line(text.TrimEnd('\n'));
        if (format == "text")
        {
            var baselines = shown.Select(r => r.Baseline).Distinct().ToList();
            Line($"{shown.Count} of {records.Count} experiment(s); params compared with {(baselines.Count == 1 ? baselines[0] : "the baseline of each (Experiments show ID)")}; "
                + "only the columns that differ are shown");
        }
        return Engine.Ok;
    }

    public int Show(string id)
    {
        var record = _store.Load(id);
        Line($"experiment {record.Id}, recorded {record.When.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}: ./build.sh {string.Join(' ', record.Targets)}"
            + (record.ParamsFile == "params.yaml" ? "" : $" --params {record.ParamsFile}"));
        Line($"params compared with {record.Baseline}:");
        var width = record.Changes.Select(c => c.Key.Length).DefaultIfEmpty(0).Max();
        foreach (var change in record.Changes) Line($"  {change.Key.PadRight(width)}  {change.Old ?? "(unset)"} → {change.New ?? "(unset)"}");
        Line($"stages: {record.StagesText()}");
        var idWidth = record.Instances.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        var missing = 0;
        foreach (var (instance, used) in record.Instances)
        {
            var cached = RunCache.Has(workspace, used.Fingerprint);
            if (!cached) missing++;
            var time = used.Result == "ran" ? Forecast.Format(TimeSpan.FromSeconds(used.Seconds)) : "";
            Line($"  {instance.PadRight(idWidth)}  {used.Result,-10}  {time,7}  {used.Fingerprint}{(cached ? "" : "  (not in the run cache)")}");
        }
        var values = Metrics(record);
        if (values.Count > 0)
        {
            Line("headline metrics:");
            var labelWidth = values.Max(v => v.Label.Length);
            foreach (var value in values) Line($"  {value.Label.PadRight(labelWidth)}  {value.Shown}");
        }
        if (record.Metrics.Count > 0)
            Line($"metrics files (copies under {workspace.Relative(_store.FolderOf(record.Id))}/): {string.Join(", ", record.Metrics)}");
        Line(missing == 0
            ? $"run cache: holds every instance's outputs; ./build.sh Experiments apply {record.Id} restores them without running a stage"
            : $"run cache: {missing} of {record.Instances.Count} instances are no longer there (Gc --experiments); apply restores the others and ./build.sh reruns those");
        return Engine.Ok;
    }

    public int Remove(string id)
    {
        var removed = _store.Remove(id);
        Line($"removed experiment {removed}; ./build.sh Gc deletes the run-cache entries that only it needed");
        return Engine.Ok;
    }

    private IReadOnlyList<HeadlineValue> Metrics(ExperimentRecord record) =>
        headlines.SelectMany(h => HeadlineReader.Read(h, _store.FolderOf(record.Id))).ToList();
}
