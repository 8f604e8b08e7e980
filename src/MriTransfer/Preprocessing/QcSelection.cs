using MriTransfer.Cohorts;
using MriTransfer.Randomness;

namespace MriTransfer.Preprocessing;

/// <summary>
/// The subjects qc.png shows: per class, up to <c>qc_per_class</c> subjects spread over the whole class by a seeded
/// draw. The class's patients, in patient-id order, are cut into as many equal runs as tiles, and one patient is drawn
/// from each run, then one of that patient's scans; so the tiles come from different patients across the cohort
/// (not the first few names, which can be one patient's two scans) and the same seed always shows the same subjects,
/// whatever the manifest's row order. When a class has fewer patients than tiles, the remaining scans fill in, drawn too.
/// </summary>
internal static class QcSelection
{
    public static IReadOnlySet<string> Choose(IEnumerable<CohortSubject> subjects, int perClass, int seed)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var byClass in subjects.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var random = SeededRandom.ForSplits(seed, byClass.Key + "/qc");
            var patients = byClass.GroupBy(s => s.PatientId)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList())
                .ToList();
            var runs = Math.Min(perClass, patients.Count);
            for (var run = 0; run < runs; run++)
            {
                int first = run * patients.Count / runs, end = (run + 1) * patients.Count / runs;
                var scans = patients[first + random.Below(end - first)];
                chosen.Add(scans[random.Below(scans.Count)].SubjectId);
            }
            var rest = byClass.Where(s => !chosen.Contains(s.SubjectId)).OrderBy(s => s.SubjectId, StringComparer.Ordinal);
            foreach (var s in random.Shuffle(rest).Take(perClass - runs)) chosen.Add(s.SubjectId);
        }
        return chosen;
    }
}
