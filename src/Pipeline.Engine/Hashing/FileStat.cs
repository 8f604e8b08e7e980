using System.Runtime.InteropServices;

namespace Pipeline.Engine.Hashing;

/// <summary>What the stat cache keys a file on: size, modification time (ns) and inode (0 when unknown).</summary>
internal readonly record struct FileStat(long Size, long MtimeNs, ulong Inode, ulong Links)
{
    private static bool _nativeBroken = !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64;

    /// <summary>Stats a file with libc stat(2) on Linux x64 (one syscall gives size, mtime and inode);
    /// elsewhere, or if libc is not usable, falls back to FileInfo with inode 0.</summary>
    public static FileStat? Of(string path)
    {
        if (!_nativeBroken)
        {
            try { return Native(path); }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _nativeBroken = true; }
        }
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileStat(info.Length, info.LastWriteTimeUtc.Ticks * 100, 0, 1);
    }

    private static unsafe FileStat? Native(string path)
    {
        // struct stat on x86_64 Linux: st_ino @8, st_nlink @16, st_mode @24, st_size @48, st_mtim @88 (sec, nsec)
        var buffer = stackalloc byte[256];
        if (Stat(path, buffer) != 0) return null;
        var mode = *(uint*)(buffer + 24);
        if ((mode & 0xF000) != 0x8000) return null; // not a regular file
        var seconds = *(long*)(buffer + 88);
        var nanos = *(long*)(buffer + 96);
        return new FileStat(*(long*)(buffer + 48), seconds * 1_000_000_000 + nanos, *(ulong*)(buffer + 8), *(ulong*)(buffer + 16));
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern unsafe int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte* buffer);
}
