using MriTransfer.Cohorts;

namespace MriTransfer.Preprocessing;

/// <summary><c>preprocess.on_bad_subject</c>: what an unusable subject does to its cohort.</summary>
public enum BadSubjectPolicy
{
    /// <summary>Any unusable subject fails the stage (every one named).</summary>
    Fail,
    /// <summary>Unusable subjects are left out and listed in excluded.csv, up to <c>preprocess.max_excluded_fraction</c>.</summary>
    Exclude,
}

/// <summary><c>preprocess.duplicates_across_predefined</c>: near-duplicate images on both sides of a dataset's own train/test split.</summary>
public enum CrossSplitDuplicatePolicy
{
    /// <summary>Refuse the cohort, naming the images, their folders and both fixes.</summary>
    Fail,
    /// <summary>Remove the test copies (listed in excluded.csv) so the test split holds nothing trained on.</summary>
    DropFromTest,
}

/// <summary>A subject left out of a preprocessed cohort, and why (a row of excluded.csv).</summary>
public sealed record ExcludedSubject(string SubjectId, string Label, string Path, string Reason);

/// <summary>
/// The per-subject quality gate: under <see cref="BadSubjectPolicy.Exclude"/> unusable subjects are excluded while they
/// are at most <c>preprocess.max_excluded_fraction</c> of the cohort; otherwise (or under <see cref="BadSubjectPolicy.Fail"/>)
/// the problems of every one of them are returned, to fail the stage naming them all.
/// </summary>
internal static class SubjectQualityGate
{
    public static IReadOnlyList<string> Judge(IReadOnlyList<ExcludedSubject> bad, int cohortSize, PreprocessSettings settings)
    {
        if (bad.Count == 0) return [];
        var each = bad.Select(b => $"{b.Path} (subject {b.SubjectId}): {b.Reason}");
        if (settings.OnBadSubject == BadSubjectPolicy.Fail)
            return [$"{bad.Count} of {cohortSize} subjects are unusable and preprocess.on_bad_subject is fail (set it to exclude to leave them out, up to preprocess.max_excluded_fraction):", .. each];
        var fraction = (double)bad.Count / Math.Max(1, cohortSize);
        if (fraction <= settings.MaxExcludedFraction) return [];
        return [$"{bad.Count} of {cohortSize} subjects ({fraction:P1}) are unusable, more than preprocess.max_excluded_fraction {settings.MaxExcludedFraction:0.###} allows to exclude; fix them, or raise the limit:", .. each];
    }
}
