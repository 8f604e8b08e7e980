using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Engine.Execution;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>Line-per-event output for CI logs (stdout not a terminal). Progress lines at most every 2 s per stage.</summary>
internal sealed class PlainProgress(IAnsiConsole console) : IProgressSink
{
    private readonly ConcurrentDictionary<string, long> _lastProgress = new();
    private readonly object _gate = new();

    public void Update(string id, StageStatus status, string? detail = null) =>
        Write($"{id}: {status.Word()}{(string.IsNullOrEmpty(detail) ? "" : " — " + detail)}");

    public void Progress(string id, string line)
    {
        var now = Stopwatch.GetTimestamp();
        var last = _lastProgress.GetOrAdd(id, 0);
        if (last != 0 && Stopwatch.GetElapsedTime(last, now).TotalSeconds < 2) return;
        _lastProgress[id] = now;
        Write($"{id}: {line}");
    }

    public void Note(string text) => Write(text);

    private void Write(string line)
    {
        lock (_gate) console.Profile.Out.Writer.WriteLine(line);
    }
}
