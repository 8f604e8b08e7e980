using System.Diagnostics;

namespace Pipeline.Engine;

/// <summary>With PIPELINE_TIMINGS=1, prints how long each phase of a run took (ms since process start) to stderr.</summary>
internal static class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PIPELINE_TIMINGS") == "1";

    public static void Mark(string phase)
    {
        if (!Enabled) return;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine($"[timing] {phase}: {sinceStart.TotalMilliseconds:0} ms");
    }
}
