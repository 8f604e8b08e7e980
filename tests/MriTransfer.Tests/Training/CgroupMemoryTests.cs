using MriTransfer.Training;

namespace MriTransfer.Tests.Training;

public class CgroupMemoryTests
{
    private const long Mb = 1 << 20;

    private static Func<string, string?> Files(Dictionary<string, string> files) => path => files.GetValueOrDefault(path);

    [Fact]
    public void Given_a_v2_job_limit_when_read_then_the_headroom_is_the_limit_minus_usage_not_counting_inactive_file_cache()
    {
        // a Slurm job of 4 GB using 1 GB, 256 MB of it file cache the kernel would reclaim first
        var files = new Dictionary<string, string>
        {
            ["/proc/self/cgroup"] = "0::/system.slice/slurmstepd.scope/job_17/step_0\n",
            ["/cg/system.slice/slurmstepd.scope/job_17/memory.max"] = $"{4096 * Mb}\n",
            ["/cg/system.slice/slurmstepd.scope/job_17/memory.current"] = $"{1024 * Mb}\n",
            ["/cg/system.slice/slurmstepd.scope/job_17/memory.stat"] = $"anon 1\nfile 2\ninactive_file {256 * Mb}\nactive_file 3\n",
            ["/cg/system.slice/slurmstepd.scope/job_17/step_0/memory.max"] = "max\n",
            ["/cg/system.slice/slurmstepd.scope/job_17/step_0/memory.current"] = $"{1024 * Mb}\n",
            ["/cg/memory.max"] = "max\n",
        };

        Assert.Equal((4096 - 1024 + 256) * Mb, CgroupMemory.HeadroomBytes("/proc/self/cgroup", "/cg", Files(files)));
    }

    [Fact]
    public void Given_v1_limits_at_two_levels_when_read_then_the_tighter_headroom_wins_and_unlimited_levels_are_ignored()
    {
        var files = new Dictionary<string, string>
        {
            ["/proc/self/cgroup"] = "9:pids:/\n4:memory:/outer/inner\n1:cpu,cpuacct:/\n",
            ["/cg/memory/outer/inner/memory.limit_in_bytes"] = "9223372036854771712",
            ["/cg/memory/outer/inner/memory.usage_in_bytes"] = $"{100 * Mb}",
            ["/cg/memory/outer/memory.limit_in_bytes"] = $"{2048 * Mb}",
            ["/cg/memory/outer/memory.usage_in_bytes"] = $"{1500 * Mb}",
            ["/cg/memory/outer/memory.stat"] = $"inactive_file 7\ntotal_inactive_file {100 * Mb}\n",
            ["/cg/memory/memory.limit_in_bytes"] = $"{8192 * Mb}",
            ["/cg/memory/memory.usage_in_bytes"] = $"{4096 * Mb}",
        };

        Assert.Equal((2048 - 1400) * Mb, CgroupMemory.HeadroomBytes("/proc/self/cgroup", "/cg", Files(files)));
    }

    [Fact]
    public void Given_no_limit_anywhere_or_no_cgroup_files_when_read_then_there_is_no_headroom_to_cap_by()
    {
        var unlimited = new Dictionary<string, string>
        {
            ["/proc/self/cgroup"] = "0::/user.slice\n",
            ["/cg/user.slice/memory.max"] = "max",
            ["/cg/user.slice/memory.current"] = "123",
            ["/cg/memory.max"] = "max",
        };

        Assert.Null(CgroupMemory.HeadroomBytes("/proc/self/cgroup", "/cg", Files(unlimited)));
        Assert.Null(CgroupMemory.HeadroomBytes("/proc/self/cgroup", "/cg", Files([])));
    }

    [Fact]
    public void Given_usage_above_the_limit_when_read_then_the_headroom_is_zero_so_any_set_is_mapped()
    {
        var files = new Dictionary<string, string>
        {
            ["/proc/self/cgroup"] = "0::/\n",
            ["/cg/memory.max"] = $"{512 * Mb}",
            ["/cg/memory.current"] = $"{600 * Mb}",
        };

        Assert.Equal(0, CgroupMemory.HeadroomBytes("/proc/self/cgroup", "/cg", Files(files)));
    }
}
