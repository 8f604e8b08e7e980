using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>Line-per-event output for CI logs (stdout not a terminal). Progress lines at most every 2 s per stage. A
/// line of a stage this run has to run ends with how many of them are over and the estimates, e.g.
/// <c>Train: running — params train.lr: 0.001 → 0.01 [2 of 5 done; usually 0:42; run ETA 1:10]</c>.</summary>
internal sealed class PlainProgress(IAnsiConsole console, ProgressBoard? board = null) : IProgressSink
{
    private readonly ConcurrentDictionary<string, long> _lastProgress = new();
    private readonly object _gate = new();

    public void Planned(IReadOnlyList<string> toRun, IReadOnlySet<string> restorable) => board?.Plan(toRun, restorable);

    public void Update(string id, StageStatus status, string? detail = null)
    {
        board?.Update(id, status);
        Write($"{id}: {status.Word()}{(string.IsNullOrEmpty(detail) ? "" : " — " + detail)}{board?.Suffix(id, status)}");
    }

    public void Progress(string id, string line)
    {
        board?.Progress(id, line);
        var now = Stopwatch.GetTimestamp();
        var last = _lastProgress.GetOrAdd(id, 0);
        if (last != 0 && Stopwatch.GetElapsedTime(last, now).TotalSeconds < 2) return;
        _lastProgress[id] = now;
        Write($"{id}: {line}{board?.ProgressSuffix(id)}");
    }

    public void Note(string text) => Write(text);

    private void Write(string line)
    {
        lock (_gate) console.Profile.Out.Writer.WriteLine(line);
    }
}
