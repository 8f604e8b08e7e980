using MriTransfer.Cohorts;
using MriTransfer.Models.ImageNet;

namespace MriTransfer.Training.ImageNet;

/// <summary>Reads the BT preprocessed cohort and checks what the ImageNet variants need from it.</summary>
public static class CohortInputs
{
    public static PreprocessedCohort Load(string cohortDir)
    {
        var cohort = PreprocessedCohort.Load(cohortDir);
        var summary = Path.Combine(cohortDir, "summary.json");
        var problems = new List<string>();
        if (cohort.Mode is not ("3d" or "2d")) problems.Add($"{summary}: mode is '{cohort.Mode}', expected \"3d\" or \"2d\"");
        if (cohort.Classes.Count < 2) problems.Add($"{summary}: classes lists {cohort.Classes.Count} class(es); a classifier needs at least 2");
        if (problems.Count > 0) throw new ImageNetSettingsException(problems);
        return cohort;
    }
}
