using Spectre.Console;

namespace Pipeline.Engine.Cli;

internal static class HelpText
{
    public static void Print(IAnsiConsole console, PipelineModel model, string? defaultTarget)
    {
        console.WriteLine("Usage: ./build.sh [targets...] [options]");
        console.WriteLine();
        console.WriteLine($"Targets (default: {defaultTarget ?? "none"}):");
        var width = model.Stages.Select(s => s.Name).Concat(model.Targets.Select(t => t.Name)).Append("MetricsDiff [rev]").Max(n => n.Length) + 2;
        foreach (var target in model.Targets.OrderBy(t => t.Name, StringComparer.Ordinal))
            console.WriteLine($"  {target.Name.PadRight(width)}{target.DescriptionText}{(target.Name == defaultTarget ? " (default)" : "")}");
        foreach (var stage in model.Stages)
        {
            console.WriteLine($"  {stage.Name.PadRight(width)}{stage.DescriptionText}{(stage.Name == defaultTarget ? " (default)" : "")}");
            var keys = stage.ParamKeys.Concat(stage.Axes.Select(a => $"{a.Sets ?? a.Name} ∈ {a.Over}")).ToList();
            if (keys.Count > 0) console.WriteLine($"  {"".PadRight(width)}  params: {string.Join(", ", keys)}");
        }
        console.WriteLine();
        console.WriteLine("Built-in targets:");
        foreach (var (name, text) in new[]
                 {
                     ("Status", "each stage up to date or stale, with every reason"),
                     ("Gc", "delete run-cache entries not referenced by pipeline.lock or an experiment"),
                     ("Experiments", "table of recorded experiments; Experiments show|apply|remove ID"),
                     ("ParamsDiff [rev]", "params changed against a git revision (default HEAD)"),
                     ("MetricsDiff [rev]", "metrics changed against a git revision (default HEAD)"),
                 })
            console.WriteLine($"  {name.PadRight(width)}{text}");
        console.WriteLine();
        console.WriteLine("Options:");
        foreach (var (name, text) in new[]
                 {
                     ("--plan", "print the DAG and write it as Mermaid to .pipeline/plan.mmd"),
                     ("--dry-run", "say what would run and why, run nothing"),
                     ("--force <Stage>", "rerun a stage even when up to date (repeat or comma-separate)"),
                     ("--skip <Stage>", "do not run a stage; dependents use its current output"),
                     ("--set key=value", "override a params value (validated like params.yaml)"),
                     ("--params <file>", "params file (default from .nuke/parameters.json, else params.yaml)"),
                     ("--jobs <N>", $"cores the stages share (default {Environment.ProcessorCount}, the core count); a stage takes as many as its threads"),
                     ("--no-run-cache", "do not restore from or add to the run cache"),
                     ("--plain", "line-per-event output even on a terminal"),
                     ("--repair-lock", "rebuild pipeline.lock from out/ and the run cache (a damaged lock)"),
                     ("--executor <name>", "where stages run: local (default) or slurm (one sbatch job per instance)"),
                     ("--cache-dir <path>", "a run cache shared with other workspaces (default .pipeline/cache)"),
                     ("--shared", "with Gc: also delete entries other workspaces' locks still name"),
                     ("--experiments", "with Gc: also delete entries only recorded experiments need"),
                     ("--last <N>", "with Experiments: list the latest N (default 20)"),
                     ("--md, --csv", "with Experiments: the table as Markdown or CSV"),
                     ("--compare <IDs>", "experiments a comparison stage reads, e.g. Compare --compare e1,e2"),
                     ("--help", "this text"),
                 })
            console.WriteLine($"  {name.PadRight(20)}{text}");
        if (model.Schema.Count == 0) return;
        console.WriteLine();
        console.WriteLine("Params (params.yaml):");
        var keyWidth = model.Schema.Max(s => s.Key.Length) + 2;
        foreach (var spec in model.Schema.OrderBy(s => s.Key, StringComparer.Ordinal))
            console.WriteLine($"  {spec.Key.PadRight(keyWidth)}{spec.Expected()}{(spec.Required ? "" : ", optional")}: {spec.Description}");
    }
}
