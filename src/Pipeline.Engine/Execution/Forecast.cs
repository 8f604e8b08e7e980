using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.Execution;

/// <summary>How far a stage says it is: <see cref="Done"/> of <see cref="Total"/> units (epochs, steps, subjects).</summary>
internal readonly record struct Step(double Done, double Total)
{
    public double Fraction => Done / Total;
}

/// <summary>A stage instance still to finish, for <see cref="Forecast.Run"/>: what it waits for, how long it has left
/// (null = not known) and how many cores it takes.</summary>
internal sealed record ForecastJob(string Id, IReadOnlyList<string> Upstream, TimeSpan? Remaining, int Threads, bool Running);

/// <summary>The time a run has left; <see cref="LowerBound"/> when some stage's time is not known (counted as zero).</summary>
internal readonly record struct RunEstimate(TimeSpan Remaining, bool LowerBound);

/// <summary>
/// Estimates for the live view, as pure functions: a running stage's time left from its past run times and from its own
/// progress line (<c>epoch 3/20</c>, <c>45%</c>), and the run's time left by playing the rest of the schedule forward
/// on the cores the run has.
/// </summary>
internal static partial class Forecast
{
    [GeneratedRegex(@"(?<![\d./])(\d+)\s*/\s*(\d+)(?![\d./])")]
    private static partial Regex OfTotal();

    [GeneratedRegex(@"(?<![\d.])(\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Percent();

    /// <summary>The first <c>k/n</c> (0 ≤ k ≤ n, n &gt; 0) or <c>p%</c> in a progress line, read as "k of n done".</summary>
    public static Step? StepOf(string line)
    {
        foreach (Match m in OfTotal().Matches(line))
            if (double.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && double.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var n)
                && n > 0 && k <= n)
                return new Step(k, n);
        return Percent().Match(line) is { Success: true } p && double.TryParse(p.Groups[1].Value, CultureInfo.InvariantCulture, out var pct) && pct <= 100
            ? new Step(pct, 100)
            : null;
    }

    /// <summary>
    /// A running stage's time left. From its history: its typical run time minus the time it has run (nothing once it
    /// runs longer than usual). From its progress: the time per unit so far, <paramref name="elapsedAtStep"/> / k, times
    /// the n − k units left, less the time since that line. With both, the progress counts as much as the share it has
    /// done (early on an epoch's time is noisy, late it is the better guess).
    /// </summary>
    public static TimeSpan? Remaining(TimeSpan elapsed, TimeSpan? typical, Step? step, TimeSpan elapsedAtStep)
    {
        TimeSpan? byHistory = typical is { } t && t > elapsed ? t - elapsed : null;
        TimeSpan? byProgress = null;
        if (step is { Done: > 0 } s)
        {
            var left = elapsedAtStep.TotalSeconds / s.Done * (s.Total - s.Done) - (elapsed - elapsedAtStep).TotalSeconds;
            byProgress = TimeSpan.FromSeconds(Math.Max(0, left));
        }
        if (byProgress is { } p && byHistory is { } h)
        {
            var w = step!.Value.Fraction;
            return TimeSpan.FromSeconds(w * p.TotalSeconds + (1 - w) * h.TotalSeconds);
        }
        return byProgress ?? byHistory;
    }

    /// <summary>
    /// The run's time left: the jobs still to finish are played forward on <paramref name="cores"/> cores as the
    /// scheduler would run them (a job starts once its upstream jobs are over and its cores are free, by critical
    /// path). An upstream id that is not a job is over already.
    /// </summary>
    public static RunEstimate Run(IReadOnlyList<ForecastJob> jobs, int cores)
    {
        cores = Math.Max(1, cores);
        var lowerBound = jobs.Any(j => j.Remaining is null);
        double Seconds(ForecastJob j) => j.Remaining?.TotalSeconds ?? 0;
        var ids = jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var priority = CriticalPath.Priorities(jobs.Select(j => new CriticalPath.Node(j.Id, j.Upstream.Where(ids.Contains).ToList(), Math.Max(Seconds(j), 1e-9))).ToList());
        var over = new HashSet<string>(StringComparer.Ordinal);
        var running = new List<(ForecastJob Job, double End, int Cores)>();
        var free = cores;
        foreach (var job in jobs.Where(j => j.Running))
        {
            var take = Math.Clamp(job.Threads, 1, cores);
            running.Add((job, Seconds(job), take));
            free -= take;
        }
        var waiting = jobs.Where(j => !j.Running).OrderByDescending(j => priority[j.Id]).ToList();
        var now = 0.0;
        while (true)
        {
            foreach (var job in waiting.ToList())
            {
                if (!job.Upstream.All(u => !ids.Contains(u) || over.Contains(u))) continue;
                var take = Math.Clamp(job.Threads, 1, cores);
                if (take > free) break; // nobody overtakes a job waiting for cores
                waiting.Remove(job);
                running.Add((job, now + Seconds(job), take));
                free -= take;
            }
            if (running.Count == 0) break;
            var next = running.Min(r => r.End);
            foreach (var done in running.Where(r => r.End <= next).ToList())
            {
                running.Remove(done);
                over.Add(done.Job.Id);
                free += done.Cores;
            }
            now = next;
        }
        return new RunEstimate(TimeSpan.FromSeconds(now), lowerBound);
    }

    /// <summary>A duration as the live view shows it: 0:42, 12:05, 1:02:03.</summary>
    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
