namespace Pipeline.Engine.Execution;

/// <summary>Moves a finished staging folder into place with renames on the same file system.</summary>
internal static class Publisher
{
    public static void Publish(string staging, string finalDir, string stagingRoot)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalDir)!);
        string? old = null;
        if (Directory.Exists(finalDir))
        {
            old = Path.Combine(stagingRoot, "old-" + Guid.NewGuid().ToString("N"));
            Directory.Move(finalDir, old);
        }
        Directory.Move(staging, finalDir);
        if (old is not null) TryDelete(old);
    }

    public static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
