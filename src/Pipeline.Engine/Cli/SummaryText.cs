using System.Text;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>The table printed after a run, and the run's exit code. Rendered as padded plain text: it must read well
/// in CI logs, and a no-op run should not pay for a rich table renderer.</summary>
internal static class SummaryText
{
    public static int Print(IAnsiConsole console, IReadOnlyList<StageResult> results, bool dryRun)
    {
        // a "Where" column (e.g. "job 12 on node3") only when a runner said where stages ran
        var where = results.Any(r => r.Where is not null);
        var rows = results.Select(r => new List<string>
        {
            r.Id,
            dryRun && r.Status == StageStatus.Waiting ? "would run" : r.Status.Word(),
            r.Elapsed == TimeSpan.Zero ? "" : LiveProgress.Format(r.Elapsed),
        }.Concat(where ? [r.Where ?? ""] : []).Append(Shorten(r.Detail.Split('\n')[0])).ToArray())
            .Prepend(where ? ["Stage", "Result", "Time", "Where", "Note"] : new[] { "Stage", "Result", "Time", "Note" }).ToList();
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(("  " + string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c])))).TrimEnd()).Append('\n');
        int Count(StageStatus s) => results.Count(r => r.Status == s);
        text.Append(dryRun
            ? $"dry run: {Count(StageStatus.Waiting)} would run, {Count(StageStatus.Cached)} up to date"
            : $"{Count(StageStatus.Done)} ran, {Count(StageStatus.Restored)} restored, {Count(StageStatus.Cached)} up to date, {Count(StageStatus.Failed)} failed, {Count(StageStatus.Skipped)} skipped");
        console.Profile.Out.Writer.WriteLine(text.ToString());
        var failed = results.Where(r => r.Status == StageStatus.Failed).ToList();
        if (failed.Count == 0) return Engine.Ok;
        return failed.All(r => r.BadInput) ? Engine.BadUsage : Engine.StageFailed;
    }

    private static string Shorten(string note) => note.Length > 100 ? note[..100] + "…" : note;
}
