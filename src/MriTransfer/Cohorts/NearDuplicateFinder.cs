using MriTransfer.Imaging;

namespace MriTransfer.Cohorts;

/// <summary>
/// Finds groups of near-duplicate images in a cohort (the same scan or slice saved twice, often under two
/// labels or in both train and test folders of public datasets) by the Hamming distance of their
/// <see cref="PerceptualHash"/>es. Groups are the connected components of "distance ≤ threshold".
/// </summary>
public static class NearDuplicateFinder
{
    /// <summary>Default largest Hamming distance (of 63 bits) that still counts as a near duplicate.</summary>
    public const int DefaultMaxDistance = 4;

    /// <summary>
    /// Groups of ≥ 2 subject ids, each group sorted, groups ordered by their first id. Images that cannot be read are
    /// reported together as a <see cref="CohortManifestException"/> (never as the parallel loop's AggregateException).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<CohortSubject> subjects, int maxDistance = DefaultMaxDistance, int threads = 0)
    {
        var hashes = new ulong[subjects.Count];
        var unreadable = new string?[subjects.Count];
        Parallel.For(0, subjects.Count, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, i =>
        {
            try { hashes[i] = PerceptualHash.Compute(VolumeIO.Read(subjects[i].Path, new VolumeReadOptions { AllowNonFinite = true, VolumeIndex = 0 })); }
            catch (ImageReadException e) { unreadable[i] = $"subject {subjects[i].SubjectId}: {e.Message}"; }
        });
        var problems = unreadable.OfType<string>().ToList();
        if (problems.Count > 0) throw new CohortManifestException($"near-duplicate search over {subjects.Count} subjects", problems);
        return Group(subjects.Select(s => s.SubjectId).ToList(), hashes, maxDistance);
    }

    /// <summary>Groups precomputed hashes (ids[i] has hashes[i]).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Group(IReadOnlyList<string> ids, IReadOnlyList<ulong> hashes, int maxDistance = DefaultMaxDistance)
    {
        var parent = Enumerable.Range(0, ids.Count).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < ids.Count; i++)
            for (var j = i + 1; j < ids.Count; j++)
                if (PerceptualHash.Distance(hashes[i], hashes[j]) <= maxDistance) parent[Root(i)] = Root(j);
        return Enumerable.Range(0, ids.Count).GroupBy(Root)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)g.Select(i => ids[i]).Order(StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0], StringComparer.Ordinal).ToList();
    }
}
