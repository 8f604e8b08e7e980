namespace MriTransfer.Cohorts.Splitting;

/// <summary>Refuses cohorts too small for the asked split, saying how many subjects or patients each class needs.</summary>
internal static class SplitRequirements
{
    public static void Check(List<SubjectGroup> groups, SplitSettings settings, bool withTest, string what = "cohort")
    {
        var parts = withTest ? "train/val/test" : "train/val";
        var perClass = (withTest ? 1 : 0) + (settings.KFolds >= 2 ? settings.KFolds : 2);
        var classes = groups.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var subjects = groups.Sum(g => g.Size);
        var fractions = withTest
            ? $"{settings.TrainFraction:0.###}/{settings.ValFraction:0.###}/{settings.TestFraction:0.###}"
            : $"{1 - settings.ValFraction:0.###}/{settings.ValFraction:0.###}";
        var folds = settings.KFolds >= 2 ? $" with {settings.KFolds} folds" : "";
        if (subjects < perClass * Math.Max(1, classes.Count))
            throw new SplitException([
                $"{what} has {subjects} subjects in {classes.Count} classes ({Counts(classes)}); a stratified {parts} split ({fractions}){folds} needs at least {perClass} subjects from different patients per class, {perClass * Math.Max(1, classes.Count)} in all"]);

        var problems = classes
            .Where(c => c.Count() < perClass)
            .Select(c => $"class '{c.Key}' has {c.Count()} patient group(s) ({c.Sum(g => g.Size)} subjects); a stratified {parts} split{folds} needs at least {perClass} patients per class (scans of one patient or near-duplicates cannot be split) — add patients, merge or drop the class")
            .ToList();
        if (problems.Count > 0) throw new SplitException(problems);
    }

    public static void CheckFolds(List<SubjectGroup> pool, int k)
    {
        var problems = pool.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Where(c => c.Count() < k)
            .Select(c => $"class '{c.Key}' has {c.Count()} patient group(s) outside the test split; {k} stratified folds need at least {k} per class — lower k_folds or add patients")
            .ToList();
        if (problems.Count > 0) throw new SplitException(problems);
    }

    private static string Counts(IEnumerable<IGrouping<string, SubjectGroup>> classes) =>
        string.Join(", ", classes.Select(c => $"{c.Key}: {c.Sum(g => g.Size)}"));
}
