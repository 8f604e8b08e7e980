using System.Diagnostics;

namespace Pipeline.Engine.Tests.Support;

/// <summary>Signals and liveness of processes by pid, as a user checks them with kill and ps.</summary>
public static class Processes
{
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Whether a process with that pid exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try { return File.Exists(stat) && File.ReadAllText(stat).Split(") ")[^1][0] != 'Z'; }
        catch (IOException) { return false; }
    }

    public static bool WaitUntilGone(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive(pid)) { if (clock.Elapsed > timeout) return false; Thread.Sleep(50); }
        return true;
    }
}
