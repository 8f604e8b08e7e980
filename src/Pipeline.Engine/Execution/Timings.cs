using System.Globalization;

namespace Pipeline.Engine.Execution;

/// <summary>
/// How long each published stage instance ran, for the live view's estimates and the scheduler's critical path:
/// .pipeline/timings.tsv, one line per run (instance id, seconds, threads, when), appended as each instance is
/// published. It lives beside the outputs, never in them, so no time is ever hashed or written to pipeline.lock. A
/// line that cannot be read is skipped; the file is compacted to the last <see cref="Kept"/> runs of each instance.
/// </summary>
internal sealed class Timings
{
    public const int Kept = 10;
    private readonly string _file;
    private readonly Dictionary<string, List<(double Seconds, string Line)>> _runs = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private Timings(string file) => _file = file;

    public static Timings Load(Workspace workspace)
    {
        var timings = new Timings(Path.Combine(workspace.State, "timings.tsv"));
        var lines = 0;
        try
        {
            if (!File.Exists(timings._file)) return timings;
            foreach (var line in File.ReadLines(timings._file))
            {
                lines++;
                var fields = line.Split('\t');
                if (fields.Length >= 2 && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0)
                    timings.Remember(fields[0], s, line);
            }
            if (lines > 2 * timings._runs.Values.Sum(v => v.Count) + 100) timings.Compact();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // estimates are a convenience
        return timings;
    }

    /// <summary>Records one run of an instance (appended at once, so a run killed later keeps it).</summary>
    public void Add(string id, TimeSpan elapsed, int threads)
    {
        var seconds = elapsed.TotalSeconds;
        lock (_gate)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{id}\t{seconds:0.###}\t{threads}\t{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
            Remember(id, seconds, line);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                File.AppendAllText(_file, line + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The instance's recorded run times, oldest first (at most <see cref="Kept"/>).</summary>
    public IReadOnlyList<TimeSpan> Past(string id)
    {
        lock (_gate) return _runs.TryGetValue(id, out var list) ? list.Select(r => TimeSpan.FromSeconds(r.Seconds)).ToList() : [];
    }

    /// <summary>What a run of the instance usually takes: the median of its last five runs, else of the last runs of
    /// the other instances of its stage (matrix cells), else null.</summary>
    public TimeSpan? Typical(string id)
    {
        lock (_gate)
        {
            if (_runs.TryGetValue(id, out var own)) return Median(own.TakeLast(5).Select(r => r.Seconds));
            var stage = id.Split('/')[0];
            var cells = _runs.Where(p => p.Key.StartsWith(stage + "/", StringComparison.Ordinal))
                .SelectMany(p => p.Value.TakeLast(5).Select(r => r.Seconds)).ToList();
            return cells.Count > 0 ? Median(cells) : null;
        }
    }

    private static TimeSpan Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return TimeSpan.FromSeconds(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    private void Remember(string id, double seconds, string line)
    {
        if (!_runs.TryGetValue(id, out var list)) _runs[id] = list = [];
        list.Add((seconds, line));
        if (list.Count > Kept) list.RemoveAt(0);
    }

    private void Compact()
    {
        AtomicFile.WriteAllText(_file, string.Concat(_runs.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Select(r => r.Line + "\n"))));
    }
}
