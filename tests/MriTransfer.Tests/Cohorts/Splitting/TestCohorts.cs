using MriTransfer.Cohorts;

namespace MriTransfer.Tests.Cohorts.Splitting;

internal static class TestCohorts
{
    /// <summary>Patients per class given; each patient has <paramref name="scansPerPatient"/> subjects.</summary>
    public static List<CohortSubject> Make(IReadOnlyDictionary<string, int> patientsPerClass, int scansPerPatient = 1, Func<string, int, string?>? predefined = null)
    {
        var subjects = new List<CohortSubject>();
        foreach (var (label, patients) in patientsPerClass)
            for (var p = 0; p < patients; p++)
                for (var s = 0; s < scansPerPatient; s++)
                {
                    var patient = $"{label}-p{p:D3}";
                    subjects.Add(new CohortSubject($"{patient}-s{s}", $"/data/{patient}-s{s}.nii.gz", label, patient, PredefinedSplit: predefined?.Invoke(label, p)));
                }
        return subjects;
    }

    /// <summary>A random cohort from a seed: 2–4 classes, 3–40 patients per class, 1–3 scans per patient.</summary>
    public static List<CohortSubject> Random(int seed, bool oneScanPerPatient = false)
    {
        var random = new Random(seed);
        var subjects = new List<CohortSubject>();
        var classes = random.Next(2, 5);
        for (var c = 0; c < classes; c++)
        {
            var patients = random.Next(8, 41);
            for (var p = 0; p < patients; p++)
            {
                var scans = oneScanPerPatient ? 1 : random.Next(1, 4);
                for (var s = 0; s < scans; s++)
                    subjects.Add(new CohortSubject($"c{c}p{p}s{s}", $"/x/c{c}p{p}s{s}.nii.gz", $"class{c}", $"c{c}p{p}"));
            }
        }
        return subjects;
    }
}
