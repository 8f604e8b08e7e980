namespace Pipeline.Engine.Execution;

/// <summary>Moves a finished staging folder into place with renames on the same file system. Either the new folder is
/// in place, or the old one is back where it was: nothing is ever published half-way.</summary>
internal static class Publisher
{
    public static void Publish(string staging, string finalDir, Workspace workspace)
    {
        var doing = $"publishing {workspace.Relative(finalDir)}";
        FileSystemFault.Guard(finalDir, doing, () => Directory.CreateDirectory(Path.GetDirectoryName(finalDir)!), workspace.Root);
        string? old = null;
        if (Directory.Exists(finalDir))
        {
            old = Path.Combine(workspace.Staging, "old-" + Guid.NewGuid().ToString("N"));
            try { Directory.Move(finalDir, old); }
            catch (Exception e) when (FileSystemFault.Is(e))
            {
                TryDelete(staging);
                throw FileSystemFault.Describe(e, finalDir, doing + " (the earlier output could not be moved aside; it stays)", workspace.Root);
            }
        }
        try { Directory.Move(staging, finalDir); }
        catch (Exception e) when (FileSystemFault.Is(e))
        {
            if (old is not null) Directory.Move(old, finalDir); // put the earlier output back
            TryDelete(staging);
            throw FileSystemFault.Describe(e, finalDir, doing + (old is null ? "" : " (the earlier output stays)"), workspace.Root);
        }
        if (old is not null) TryDelete(old);
    }

    public static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
