using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Preprocessing;

/// <summary>What the whole cohort must be, before and after excluding subjects: a BT cohort needs two classes for its
/// classifiers, and every cohort enough subjects per class for its split.</summary>
internal static class CohortChecks
{
    public static IReadOnlyList<string> Shape(IReadOnlyList<CohortSubject> subjects, SplitSettings split)
    {
        if (subjects.Count == 0) return [];
        var problems = new List<string>();
        var classes = subjects.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (split.Role == CohortRole.Bt && classes.Count < 2)
            problems.Add($"the cohort has one class ('{classes[0].Key}', {subjects.Count} subjects); the BT classifiers need at least 2 classes: add the other classes (label column or class folders) or point data.bt at the right cohort");
        try { SubjectSplitter.Split(subjects, split, []); }
        catch (SplitException e) { problems.AddRange(e.Problems); }
        return problems;
    }
}
