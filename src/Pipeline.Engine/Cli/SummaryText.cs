using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>The table printed after a run, and the run's exit code.</summary>
internal static class SummaryText
{
    public static int Print(IAnsiConsole console, IReadOnlyList<StageResult> results, bool dryRun)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("Stage", "Result", "Time", "Note");
        foreach (var r in results)
        {
            var word = dryRun && r.Status == StageStatus.Waiting ? "would run" : r.Status.Word();
            var note = r.Detail.Split('\n')[0];
            table.AddRow(Markup.Escape(r.Id), $"[{r.Status.Colour()}]{Markup.Escape(word)}[/]",
                r.Elapsed == TimeSpan.Zero ? "" : LiveProgress.Format(r.Elapsed),
                Markup.Escape(note.Length > 100 ? note[..100] + "…" : note));
        }
        console.Write(table);
        int Count(StageStatus s) => results.Count(r => r.Status == s);
        console.WriteLine(dryRun
            ? $"dry run: {Count(StageStatus.Waiting)} would run, {Count(StageStatus.Cached)} up to date"
            : $"{Count(StageStatus.Done)} ran, {Count(StageStatus.Restored)} restored, {Count(StageStatus.Cached)} up to date, {Count(StageStatus.Failed)} failed, {Count(StageStatus.Skipped)} skipped");
        var failed = results.Where(r => r.Status == StageStatus.Failed).ToList();
        if (failed.Count == 0) return Engine.Ok;
        return failed.All(r => r.BadInput) ? Engine.BadUsage : Engine.StageFailed;
    }
}
