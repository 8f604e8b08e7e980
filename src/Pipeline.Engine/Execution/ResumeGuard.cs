using System.Globalization;
using System.Runtime.InteropServices;

namespace Pipeline.Engine.Execution;

/// <summary>
/// One stage process per resume folder (.pipeline/resume/&lt;fingerprint&gt;): the engine records the process group
/// working in it (<c>&lt;fingerprint&gt;.owner</c>), and a later run that finds that group still alive waits for it a
/// while, then refuses naming its pid, instead of running the same stage on the same folder twice.
/// </summary>
internal sealed class ResumeGuard(string resumeDir, TimeSpan wait, Action<string> note)
{
    private string OwnerFile => resumeDir + ".owner";

    /// <summary>Null when the folder is free (now or after waiting), else why the stage cannot run.</summary>
    public string? Claim()
    {
        if (ReadOwner() is not { } pid) return null;
        if (!IsAlive(pid)) { Release(); return null; }
        note($"waiting up to {wait.TotalSeconds:0} s for process {pid} of an earlier run, still working in {Relative()}");
        var until = DateTime.UtcNow + wait;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= until)
                return $"process {pid} of an earlier run still works in {Relative()}; wait for it to finish or stop it (kill -- -{pid}), then rerun";
            Thread.Sleep(200);
        }
        Release();
        return null;
    }

    public void Record(int processGroup)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(OwnerFile)!);
        AtomicFile.WriteAllText(OwnerFile, processGroup.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    public void Release()
    {
        try { File.Delete(OwnerFile); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private int? ReadOwner()
    {
        try
        {
            return File.Exists(OwnerFile) && int.TryParse(File.ReadAllText(OwnerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private string Relative() => ".pipeline/resume/" + Path.GetFileName(resumeDir);

    /// <summary>Whether any process of the group is alive (kill(-pgid, 0): 0, or EPERM for another user's).</summary>
    private static bool IsAlive(int processGroup)
    {
        if (OperatingSystem.IsWindows()) return false;
        return Kill(-processGroup, 0) == 0 || Marshal.GetLastPInvokeError() == 1;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
