using System.Globalization;

namespace Pipeline.Engine.Execution;

/// <summary>
/// One pipeline run per workspace. Holds an exclusive OS lock on .pipeline/workspace.lock (released by the kernel
/// when the holder dies, so a dead holder's lock is simply taken over) and writes the holder's pid, host and start
/// time next to it so a refused run can name the holder.
/// </summary>
internal sealed class WorkspaceLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _ownerFile;

    private WorkspaceLock(FileStream handle, string ownerFile) { _handle = handle; _ownerFile = ownerFile; }

    /// <summary>Takes the lock, or throws <see cref="UsageException"/> naming the holder. Reports a taken-over stale lock.</summary>
    public static WorkspaceLock Acquire(Workspace workspace, Action<string> note)
    {
        var lockPath = Path.Combine(workspace.State, "workspace.lock");
        var ownerFile = Path.Combine(workspace.State, "workspace.owner");
        FileStream handle;
        try
        {
            Directory.CreateDirectory(workspace.State);
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            throw FileSystemFault.Describe(e, lockPath, "taking the workspace lock", workspace.Root);
        }
        catch (IOException)
        {
            var holder = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "an unknown process";
            throw new UsageException($"another pipeline run holds this workspace ({holder}); wait for it to finish or stop it");
        }
        if (File.Exists(ownerFile))
        {
            var previous = File.ReadAllText(ownerFile).Trim();
            note($"taking over the workspace lock left by a run that is no longer alive ({previous})");
        }
        var started = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        FileSystemFault.Guard(ownerFile, "taking the workspace lock",
            () => AtomicFile.WriteAllText(ownerFile, $"pid {Environment.ProcessId} on {Environment.MachineName}, started {started}\n"), workspace.Root);
        return new WorkspaceLock(handle, ownerFile);
    }

    public void Dispose()
    {
        try { File.Delete(_ownerFile); } catch (IOException) { }
        _handle.Dispose();
    }
}
