using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models.ImageNet;

namespace MriTransfer.Training.ImageNet;

/// <summary>Reads the BT preprocessed cohort and checks what the ImageNet variants need from it.</summary>
public static class CohortInputs
{
    public static PreprocessedCohort Load(string cohortDir)
    {
        var cohort = PreprocessedCohort.Load(cohortDir);
        if (cohort.Classes.Count < 2)
            throw new ImageNetSettingsException($"{cohort.SummaryPath}: classes lists {cohort.Classes.Count} class(es); a classifier needs at least 2");
        return cohort;
    }
}
