using System.Runtime.InteropServices;

namespace Pipeline.Engine.Execution;

/// <summary>Copies a folder tree as hard links where the file system allows, plain copies otherwise.</summary>
internal static class HardLink
{
    private static bool _unavailable = OperatingSystem.IsWindows();

    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            LinkOrCopy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
    }

    /// <summary>Copies a folder tree as independent files, read-only (a shared run-cache entry).</summary>
    public static void CopyTreeReadOnly(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    public static void LinkOrCopy(string source, string destination)
    {
        if (!_unavailable)
        {
            try
            {
                if (Link(source, destination) == 0) return;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _unavailable = true; }
        }
        File.Copy(source, destination, overwrite: true);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
