namespace MriTransfer.Preprocessing;

/// <summary><c>preprocess.nonfinite</c>: what NaN or ±Inf voxels (often left by a resampling outside the field of view) become.</summary>
public enum NonFinitePolicy
{
    /// <summary>The subject is unusable (excluded or failing, per preprocess.on_bad_subject).</summary>
    Fail,
    /// <summary>They become 0.</summary>
    Zero,
    /// <summary>They take the value of the nearest finite voxel (6-connected steps; ties go to the lowest voxel index).</summary>
    Nearest,
}

/// <summary>Finds and replaces NaN/±Inf voxels as <see cref="NonFinitePolicy"/> says, in place.</summary>
internal static class NonFiniteRepair
{
    /// <summary>Replaces every non-finite voxel of <paramref name="data"/> (shape nx, ny, nz, x fastest) and returns how many there were.
    /// Under <see cref="NonFinitePolicy.Fail"/> nothing is changed; the caller reports the count.</summary>
    public static int Apply(float[] data, int nx, int ny, int nz, NonFinitePolicy policy)
    {
        var queue = new Queue<int>();
        var count = 0;
        for (var i = 0; i < data.Length; i++)
            if (float.IsFinite(data[i])) queue.Enqueue(i);
            else count++;
        if (count == 0 || policy == NonFinitePolicy.Fail) return count;
        if (policy == NonFinitePolicy.Zero || queue.Count == 0)
        {
            for (var i = 0; i < data.Length; i++) if (!float.IsFinite(data[i])) data[i] = 0;
            return count;
        }
        // Multi-source breadth-first fill from every finite voxel: each non-finite voxel takes the value of the finite
        // voxel that reaches it first, deterministic because sources and neighbours are visited in index order.
        var done = new bool[data.Length];
        foreach (var i in queue) done[i] = true;
        int plane = nx * ny;
        while (queue.Count > 0)
        {
            var i = queue.Dequeue();
            int x = i % nx, y = i / nx % ny, z = i / plane;
            void Visit(int j)
            {
                if (done[j]) return;
                done[j] = true;
                data[j] = data[i];
                queue.Enqueue(j);
            }
            if (z > 0) Visit(i - plane);
            if (y > 0) Visit(i - nx);
            if (x > 0) Visit(i - 1);
            if (x < nx - 1) Visit(i + 1);
            if (y < ny - 1) Visit(i + nx);
            if (z < nz - 1) Visit(i + plane);
        }
        return count;
    }
}
