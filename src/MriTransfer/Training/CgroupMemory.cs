using System.Globalization;

namespace MriTransfer.Training;

/// <summary>
/// How much more memory this process's memory cgroup lets it use: a Slurm job's <c>--mem</c>, a container's limit. The
/// machine's MemAvailable does not see such a limit, so a stage on a node with 200 GB free but a 4 GB job would load a
/// 10 GB sample set into RAM and be killed by the cgroup's OOM killer. For every level from the process's cgroup up to
/// the hierarchy's root that has a limit: limit − (usage − inactive file cache, which the kernel reclaims first), and
/// the smallest of them. Reads cgroup v2 (<c>memory.max</c>, <c>memory.current</c>, <c>inactive_file</c>) and v1
/// (<c>memory.limit_in_bytes</c>, <c>memory.usage_in_bytes</c>, <c>total_inactive_file</c>); null when there is no
/// limit or no cgroup file can be read (not Linux, a hierarchy not mounted).
/// </summary>
public static class CgroupMemory
{
    private const long NoLimit = long.MaxValue / 2; // v1 writes 2^63 − page size for "unlimited"

    public static long? HeadroomBytes() => HeadroomBytes("/proc/self/cgroup", "/sys/fs/cgroup", ReadOrNull);

    /// <param name="procSelfCgroup">the process's cgroup list (lines <c>id:controllers:path</c>).</param>
    /// <param name="mountRoot">where the hierarchies are mounted: v2 at the root, v1's memory controller under <c>memory/</c>.</param>
    /// <param name="read">a file's text, or null when it cannot be read.</param>
    public static long? HeadroomBytes(string procSelfCgroup, string mountRoot, Func<string, string?> read)
    {
        if (read(procSelfCgroup) is not { } list) return null;
        long? best = null;
        foreach (var line in list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            var v2 = parts[0] == "0" && parts[1] == "";
            var v1 = parts[1].Split(',').Contains("memory");
            if (!v2 && !v1) continue;
            var hierarchy = v2 ? mountRoot : Path.Combine(mountRoot, "memory");
            var files = v2 ? ("memory.max", "memory.current", "inactive_file") : ("memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file");
            foreach (var dir in SelfAndAncestors(hierarchy, parts[2]))
                if (Headroom(dir, files, read) is { } headroom) best = Math.Min(best ?? long.MaxValue, headroom);
        }
        return best;
    }

    /// <summary>The cgroup's folder and each parent up to the hierarchy's root; inside a cgroup namespace the path may name
    /// a folder that is not mounted, and the root is then the process's own cgroup.</summary>
    private static IEnumerable<string> SelfAndAncestors(string hierarchy, string cgroupPath)
    {
        var segments = cgroupPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var n = segments.Length; n >= 0; n--)
            yield return n == 0 ? hierarchy : Path.Combine([hierarchy, .. segments[..n]]);
    }

    private static long? Headroom(string dir, (string Limit, string Usage, string Inactive) files, Func<string, string?> read)
    {
        if (!TryBytes(read(Path.Combine(dir, files.Limit)), out var limit) || limit >= NoLimit) return null;
        if (!TryBytes(read(Path.Combine(dir, files.Usage)), out var usage)) return null;
        var inactive = InactiveFile(read(Path.Combine(dir, "memory.stat")), files.Inactive);
        return Math.Max(0, limit - Math.Max(0, usage - inactive));
    }

    private static long InactiveFile(string? stat, string key)
    {
        foreach (var line in (stat ?? "").Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[0] == key && TryBytes(fields[1], out var bytes)) return bytes;
        }
        return 0;
    }

    /// <summary>A byte count; v2's "max" (no limit) is not one.</summary>
    private static bool TryBytes(string? text, out long bytes) =>
        long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out bytes);

    private static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
