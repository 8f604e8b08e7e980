namespace Pipeline.Engine;

/// <summary>
/// Faults of the machine rather than of the pipeline — permission denied, a read-only file system, a full disk, a
/// folder where a file was expected — turned into one message that names the path, what the engine was doing and what
/// to do (exit 2), instead of a stack trace.
/// </summary>
internal static class FileSystemFault
{
    private const int Eio = 5, Enotdir = 20, Eisdir = 21, Enospc = 28, Erofs = 30, Edquot = 122, Ebusy = 16, Exdev = 18;

    /// <summary>Whether an exception is such a fault (on Unix an IOException's HResult is the errno).</summary>
    public static bool Is(Exception e) =>
        e is UnauthorizedAccessException || e is IOException { HResult: Eio or Enotdir or Eisdir or Enospc or Erofs or Edquot or Ebusy or Exdev };

    /// <summary>Whether the fault is a full disk or quota (then a cache that cannot take more is not "unreadable").</summary>
    public static bool IsFull(Exception e) => e is IOException { HResult: Enospc or Edquot };

    /// <summary>The message for a fault met while <paramref name="doing"/> (e.g. "publishing out/Train") at <paramref name="path"/>.</summary>
    /// <paramref name="fileExpected"/>: the engine meant to write a file there (so a folder in its place is the fault).
    public static UsageException Describe(Exception e, string path, string doing, string? root = null, bool fileExpected = false)
    {
        var shown = root is null ? path : Path.GetRelativePath(root, path).Replace('\\', '/');
        var (what, advice) = e switch
        {
            _ when (fileExpected && Directory.Exists(path) && e is UnauthorizedAccessException) || e is IOException { HResult: Eisdir } =>
                ("is a folder where a file was expected", "delete or rename that folder"),
            UnauthorizedAccessException => ("permission denied", "make it (and its folder) writable by you, e.g. chmod u+w, or check chattr -i"),
            IOException { HResult: Erofs } => ("read-only file system", "run from a writable copy of the workspace or remount it writable"),
            IOException { HResult: Enospc } => ("no space left on device", "free space there (e.g. ./build.sh Gc removes unused run-cache entries) and rerun"),
            IOException { HResult: Edquot } => ("disk quota exceeded", "free space within your quota (e.g. ./build.sh Gc) and rerun"),
            IOException { HResult: Enotdir } => ("a part of the path is a file, not a folder", "remove the file that stands where a folder should be"),
            IOException { HResult: Ebusy } => ("busy (a mount point, or held open)", "unmount it or close what holds it"),
            IOException { HResult: Exdev } => ("on another file system than out/", "keep out/ and its staging folder on one file system"),
            _ => ("input/output error", "check the disk"),
        };
        return new UsageException($"{shown}: {what} while {doing}; {advice}");
    }

    /// <summary>Runs a file-system action, turning a fault into <see cref="Describe"/>'s message.</summary>
    public static void Guard(string path, string doing, Action action, string? root = null, bool fileExpected = false)
    {
        try { action(); }
        catch (Exception e) when (Is(e)) { throw Describe(e, path, doing, root, fileExpected); }
    }
}
