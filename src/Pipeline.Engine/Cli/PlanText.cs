using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>--plan: the DAG as text, and as a Mermaid flowchart in .pipeline/plan.mmd.</summary>
internal static partial class PlanText
{
    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex Unsafe();

    public static void Print(IAnsiConsole console, PipelineModel model, IReadOnlyList<StageInstance> instances, Workspace workspace)
    {
        var stages = instances.Select(i => i.Stage).Distinct().ToList();
        console.WriteLine($"Plan: {stages.Count} stage(s), {instances.Count} instance(s), in run order");
        foreach (var stage in stages)
        {
            var count = instances.Count(i => i.Stage == stage);
            var ups = model.Upstream(stage).ToList();
            var what = stage.ProjectPath ?? StateReader.CommandOf(stage);
            console.WriteLine($"  {stage.Name}{(stage.Axes.Count > 0 ? $" ×{count} ({string.Join(" × ", stage.Axes.Select(a => a.Name))})" : "")}  [{what}]{(ups.Count > 0 ? "  <- " + string.Join(", ", ups) : "")}");
        }
        var mermaid = new StringBuilder("flowchart TD\n");
        foreach (var stage in stages)
        {
            var count = instances.Count(i => i.Stage == stage);
            var label = stage.Axes.Count > 0 ? $"{stage.Name} ×{count}" : stage.Name;
            mermaid.Append($"  {Id(stage.Name)}[\"{label}\"]\n");
        }
        foreach (var stage in stages)
            foreach (var input in stage.Inputs.Where(i => i.Upstream is not null))
                mermaid.Append($"  {Id(model.NameOf(input.Upstream!))} -->|{input.Name}| {Id(stage.Name)}\n");
        var file = workspace.Full(".pipeline/plan.mmd");
        AtomicFile.WriteAllText(file, mermaid.ToString());
        console.WriteLine($"Mermaid: {workspace.Relative(file)}");
    }

    private static string Id(string name) => Unsafe().Replace(name, "_");
}
