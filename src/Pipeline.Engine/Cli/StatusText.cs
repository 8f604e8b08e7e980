using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

internal static class StatusText
{
    public static int Print(IAnsiConsole console, IReadOnlyDictionary<string, PlannedStage> plan, IReadOnlyList<StageInstance> instances)
    {
        foreach (var instance in instances)
        {
            var planned = plan[instance.Id];
            if (!planned.MayRun) { console.MarkupLine($"{Markup.Escape(instance.Id)}: [green]up to date[/]"); continue; }
            console.MarkupLine($"{Markup.Escape(instance.Id)}: [yellow]stale[/]");
            foreach (var reason in planned.Reasons) console.WriteLine($"    {reason}");
        }
        var stale = plan.Values.Count(p => p.MayRun);
        console.WriteLine(stale == 0 ? "Everything is up to date." : $"{stale} of {plan.Count} stage instance(s) would run.");
        return Engine.Ok;
    }
}
