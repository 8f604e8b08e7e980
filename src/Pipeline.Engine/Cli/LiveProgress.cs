using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>A live table (Spectre.Console) of every stage: state, elapsed time, time left and its own progress line,
/// with "N of M done; run ETA" underneath. Notes (reasons, warnings) are kept and printed once the table stops.</summary>
internal sealed class LiveProgress(IAnsiConsole console, IReadOnlyList<string> ids, ProgressBoard board) : IProgressSink
{
    private sealed class Row { public StageStatus Status; public string Detail = ""; public long Started; public TimeSpan Elapsed; }

    private readonly ConcurrentDictionary<string, Row> _rows = new(ids.Select(id => KeyValuePair.Create(id, new Row())));
    private readonly ConcurrentQueue<string> _notes = new();

    public void Planned(IReadOnlyList<string> toRun, IReadOnlySet<string> restorable) => board.Plan(toRun, restorable);

    public void Update(string id, StageStatus status, string? detail = null)
    {
        board.Update(id, status);
        var row = _rows.GetOrAdd(id, _ => new Row());
        if (status is StageStatus.Running or StageStatus.Building && row.Started == 0) row.Started = Stopwatch.GetTimestamp();
        if (status is not (StageStatus.Running or StageStatus.Building or StageStatus.Waiting) && row.Started != 0)
            row.Elapsed = Stopwatch.GetElapsedTime(row.Started);
        row.Status = status;
        row.Detail = detail ?? "";
    }

    public void Progress(string id, string line)
    {
        board.Progress(id, line);
        _rows.GetOrAdd(id, _ => new Row()).Detail = line;
    }

    public void Note(string text) => _notes.Enqueue(text);

    public T Show<T>(Func<T> work)
    {
        T result = default!;
        console.Live(Render()).AutoClear(false).Start(ctx =>
        {
            var task = Task.Run(work);
            while (!task.Wait(150)) { ctx.UpdateTarget(Render()); }
            ctx.UpdateTarget(Render());
            result = task.Result;
        });
        while (_notes.TryDequeue(out var note)) console.WriteLine(note, Style.Plain);
        return result;
    }

    internal Table Render()
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("Stage", "State", "Time", "Left", "Progress");
        foreach (var id in ids)
        {
            var row = _rows[id];
            var running = row.Status is StageStatus.Running or StageStatus.Building && row.Started != 0;
            var elapsed = running ? Stopwatch.GetElapsedTime(row.Started) : row.Elapsed;
            var left = row.Status == StageStatus.Running ? board.Left(id) : null;
            table.AddRow(
                Markup.Escape(id),
                $"[{row.Status.Colour()}]{Markup.Escape(row.Status.Word())}[/]",
                elapsed == TimeSpan.Zero ? "" : Format(elapsed),
                left is { } l ? Forecast.Format(l) : "",
                Markup.Escape(row.Detail.Length > 80 ? row.Detail[..80] + "…" : row.Detail));
        }
        if (board.RunText() is { Length: > 0 } caption) table.Caption(Markup.Escape(caption));
        return table;
    }

    internal static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss\.f");
}
