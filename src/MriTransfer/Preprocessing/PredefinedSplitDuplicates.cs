using MriTransfer.Cohorts;

namespace MriTransfer.Preprocessing;

/// <summary>
/// Near-duplicate images on both sides of a dataset's own train/test split (Kaggle-style Training/ and Testing/
/// folders; the popular Kaggle brain-tumour set is known to hold such copies): a test image with a near-copy in train
/// makes the test score optimistic. Under <see cref="CrossSplitDuplicatePolicy.Fail"/> the cohort is refused with the
/// images, their folders and both fixes; under <see cref="CrossSplitDuplicatePolicy.DropFromTest"/> the test copies are
/// left out and listed.
/// </summary>
internal static class PredefinedSplitDuplicates
{
    public static (IReadOnlyList<ExcludedSubject> Dropped, IReadOnlyList<string> Problems) Resolve(
        IReadOnlyList<CohortSubject> subjects, IReadOnlyList<IReadOnlyList<string>> nearDuplicates, PreprocessSettings settings, string cohortRoot)
    {
        var byId = subjects.ToDictionary(s => s.SubjectId, StringComparer.Ordinal);
        var straddling = nearDuplicates
            .Select(g => g.Select(id => byId[id]).ToList())
            .Where(g => g.Any(IsTest) && g.Any(s => !IsTest(s) && s.PredefinedSplit is not null))
            .ToList();
        if (straddling.Count == 0) return ([], []);
        string Where(CohortSubject s) => $"{Path.GetRelativePath(cohortRoot, s.Path).Replace('\\', '/')} ({s.PredefinedSplit})";

        if (settings.DuplicatesAcrossPredefined == CrossSplitDuplicatePolicy.DropFromTest)
            return (straddling.SelectMany(g => g.Where(IsTest).Select(s => new ExcludedSubject(s.SubjectId, s.Label, s.Path,
                $"near-duplicate of {string.Join(", ", g.Where(m => !IsTest(m)).Select(Where))} (perceptual-hash distance <= {settings.NearDuplicateDistance}, " +
                "preprocess.near_duplicate_distance); test copy dropped by preprocess.duplicates_across_predefined: drop_from_test")))
                .OrderBy(e => e.SubjectId, StringComparer.Ordinal).ToList(), []);

        var folders = straddling.SelectMany(g => g).Select(s => Path.GetRelativePath(cohortRoot, Path.GetDirectoryName(s.Path)!).Replace('\\', '/'))
            .Distinct().Order(StringComparer.Ordinal);
        return ([], [
            $"{straddling.Count} group(s) of near-duplicate images straddle the dataset's own train/test split (folders {string.Join(", ", folders)}; " +
            $"perceptual-hash distance <= {settings.NearDuplicateDistance}, preprocess.near_duplicate_distance), so test images have near-copies in train. " +
            "Two fixes: if they are different images, lower preprocess.near_duplicate_distance (0 turns the search off); if they are copies, set " +
            "preprocess.duplicates_across_predefined: drop_from_test to remove the test copies (listed in excluded.csv)",
            .. straddling.Select(g => "near-duplicates: " + string.Join(" ~ ", g.Select(Where))),
        ]);
    }

    private static bool IsTest(CohortSubject s) => s.PredefinedSplit?.Trim().ToLowerInvariant() is "test" or "testing";
}
