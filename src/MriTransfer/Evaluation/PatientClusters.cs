using MriTransfer.Randomness;

namespace MriTransfer.Evaluation;

/// <summary>
/// The test scans grouped by patient: a patient scanned twice is one cluster of two scans, and the statistics resample
/// and permute patients, never scans, because two scans of one brain are not independent evidence. A scan without a
/// patient id is its own patient. Patients are ordered by id (ordinal) so resamples do not depend on scan order.
/// </summary>
public sealed class PatientClusters
{
    private PatientClusters(IReadOnlyList<string> ids, IReadOnlyList<int[]> members, int scans)
    {
        PatientIds = ids;
        Members = members;
        Scans = scans;
    }

    public IReadOnlyList<string> PatientIds { get; }

    /// <summary>Per patient, the indices of its scans (ascending).</summary>
    public IReadOnlyList<int[]> Members { get; }

    public int Scans { get; }
    public int Patients => Members.Count;
    public int PatientsWithRepeats => Members.Count(m => m.Length > 1);

    /// <summary>Clusters from each scan's patient id (empty = the scan's own patient, keyed by <paramref name="scanIds"/>).</summary>
    public static PatientClusters Of(IReadOnlyList<string> patientIds, IReadOnlyList<string>? scanIds = null)
    {
        if (patientIds.Count == 0) throw new ArgumentException("need at least one scan", nameof(patientIds));
        string Key(int i) => patientIds[i].Length > 0 ? patientIds[i] : "\u0000scan:" + (scanIds?[i] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var groups = Enumerable.Range(0, patientIds.Count).GroupBy(Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new PatientClusters(groups.Select(g => g.Key).ToList(), groups.Select(g => g.Order().ToArray()).ToList(), patientIds.Count);
    }

    /// <summary>Every scan its own patient: the scan-level bootstrap, as a special case.</summary>
    public static PatientClusters Singletons(int scans) =>
        new(Enumerable.Range(0, scans).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            Enumerable.Range(0, scans).Select(i => new[] { i }).ToList(), scans);

    public static PatientClusters Of(IReadOnlyList<SubjectPrediction> predictions) =>
        Of(predictions.Select(p => p.PatientId).ToList(), predictions.Select(p => p.SubjectId).ToList());

    /// <summary>
    /// Cluster bootstrap: each resample draws <see cref="Patients"/> patients with replacement and holds every scan of
    /// each drawn patient (so its length varies). Drawn once from a seed, so every variant and every paired difference
    /// is computed on exactly the same resampled patients.
    /// </summary>
    public int[][] Resample(int resamples, int seed)
    {
        var random = Seeds.Stream(seed);
        var sets = new int[resamples][];
        var set = new List<int>(Scans * 2);
        for (var r = 0; r < resamples; r++)
        {
            set.Clear();
            for (var i = 0; i < Patients; i++) set.AddRange(Members[random.Next(Patients)]);
            sets[r] = set.ToArray();
        }
        return sets;
    }
}
