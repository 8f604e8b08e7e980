using MriTransfer.Randomness;

namespace MriTransfer.Cohorts.Splitting;

/// <summary>
/// Subject-level splits without leakage: stratified by label, grouped by patient and near-duplicate group
/// (no group in two splits), seeded, optionally k-fold; a predefined split in the manifest is honoured.
/// </summary>
public static class SubjectSplitter
{
    /// <summary>
    /// Splits <paramref name="subjects"/>; <paramref name="nearDuplicateGroups"/> lists subject ids that must stay together.
    /// Throws <see cref="SplitException"/> with every problem found. Rows come back ordered by subject id.
    /// </summary>
    public static IReadOnlyList<SplitAssignment> Split(
        IReadOnlyList<CohortSubject> subjects, SplitSettings settings, IReadOnlyList<IReadOnlyList<string>>? nearDuplicateGroups = null)
    {
        var problems = settings.Validate().ToList();
        if (problems.Count > 0) throw new SplitException(problems);
        foreach (var duplicate in subjects.GroupBy(s => s.SubjectId).Where(g => g.Count() > 1))
            problems.Add($"subject_id {duplicate.Key} appears {duplicate.Count()} times; subject ids must be unique");
        var groups = SubjectGroups.Build(subjects, nearDuplicateGroups, problems);
        if (problems.Count > 0) throw new SplitException(problems);

        var predefined = PredefinedSplits.Read(groups, settings.Role, problems);
        if (predefined is not null && settings.Role == CohortRole.Bt)
            problems.AddRange(groups.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Where(c => c.All(g => predefined.GetValueOrDefault(g.Id) != SplitNames.Test))
                .Select(c => $"class '{c.Key}' has no subject in the predefined test split; a BT cohort needs test subjects of every class (fix the manifest's split column, or leave it empty to split randomly)"));
        if (problems.Count > 0) throw new SplitException(problems);

        var split = predefined is null ? RandomSplit(groups, settings) : CarveVal(groups, predefined, settings);
        var folds = settings.KFolds >= 2 ? DealFolds(groups, split, settings) : null;

        return groups
            .SelectMany(g => g.Members.Select(m => new SplitAssignment(
                m.SubjectId, m.PatientId, m.Label, split[g.Id], folds is not null && folds.TryGetValue(g.Id, out var f) ? f : null, g.Id)))
            .OrderBy(a => a.SubjectId, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, string> RandomSplit(List<SubjectGroup> groups, SplitSettings settings)
    {
        SplitRequirements.Check(groups, settings, settings.Role == CohortRole.Bt);
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var byClass in groups.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var total = byClass.Sum(g => g.Size);
            var test = settings.TestFraction > 0 ? AtLeastOne(total * settings.TestFraction) : 0;
            var val = settings.KFolds >= 2 ? 0 : AtLeastOne(total * settings.ValFraction);
            var names = new List<string> { SplitNames.Test, SplitNames.Val, SplitNames.Train };
            int[] targets = [test, val, total - test - val];
            var placed = Deal(Order(byClass, settings.Seed, byClass.Key + "/split"), targets);
            var empty = Enumerable.Range(0, 3).Where(b => targets[b] > 0 && placed.All(p => p.Bin != b)).Select(b => names[b]).ToList();
            if (empty.Count > 0)
                throw new SplitException([$"class '{byClass.Key}': no patient group fits in {string.Join(", ", empty)} (its {byClass.Count()} groups hold {string.Join("+", byClass.Select(g => g.Size).OrderDescending())} subjects); add patients to the class or lower val_fraction/test_fraction"]);
            foreach (var (group, bin) in placed) split[group.Id] = names[bin];
        }
        return split;
    }

    /// <summary>Predefined train/test kept; val carved from predefined train unless the manifest gives val subjects.</summary>
    private static Dictionary<string, string> CarveVal(List<SubjectGroup> groups, Dictionary<string, string> predefined, SplitSettings settings)
    {
        var split = new Dictionary<string, string>(predefined, StringComparer.Ordinal);
        if (settings.KFolds >= 2 || predefined.Values.Contains(SplitNames.Val)) return split;
        var train = groups.Where(g => predefined[g.Id] == SplitNames.Train).ToList();
        var valShare = settings.ValFraction / (settings.ValFraction + settings.TrainFraction);
        SplitRequirements.Check(train, settings with { TestFraction = 0, ValFraction = valShare, Role = CohortRole.Ad }, false, "predefined training part");
        foreach (var byClass in train.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var total = byClass.Sum(g => g.Size);
            var val = AtLeastOne(total * valShare);
            foreach (var (group, bin) in Deal(Order(byClass, settings.Seed, byClass.Key + "/val"), [val, total - val]))
                split[group.Id] = bin == 0 ? SplitNames.Val : SplitNames.Train;
        }
        return split;
    }

    /// <summary>k stratified folds over the non-test groups; fold 0 becomes val, the rest train.</summary>
    private static Dictionary<string, int> DealFolds(List<SubjectGroup> groups, Dictionary<string, string> split, SplitSettings settings)
    {
        var pool = groups.Where(g => split[g.Id] != SplitNames.Test).ToList();
        SplitRequirements.CheckFolds(pool, settings.KFolds);
        var folds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var byClass in pool.GroupBy(g => g.Label).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var total = byClass.Sum(g => g.Size);
            var targets = Enumerable.Range(0, settings.KFolds).Select(k => total / settings.KFolds + (k < total % settings.KFolds ? 1 : 0)).ToArray();
            foreach (var (group, fold) in Deal(Order(byClass, settings.Seed, byClass.Key + "/folds"), targets))
            {
                folds[group.Id] = fold;
                split[group.Id] = fold == 0 ? SplitNames.Val : SplitNames.Train;
            }
        }
        return folds;
    }

    internal static int AtLeastOne(double expected) => Math.Max(1, (int)Math.Round(expected, MidpointRounding.AwayFromZero));

    /// <summary>Seeded shuffle of a class's groups (in id order first), then larger groups first so they pack well.</summary>
    internal static List<SubjectGroup> Order(IEnumerable<SubjectGroup> groups, int seed, string stream) =>
        SeededRandom.ForSplits(seed, stream).Shuffle(groups.OrderBy(g => g.Id, StringComparer.Ordinal))
            .Select((g, i) => (g, i)).OrderByDescending(p => p.g.Size).ThenBy(p => p.i).Select(p => p.g).ToList();

    /// <summary>
    /// Puts each group into the bin furthest below its target subject count (ties: the earlier bin); when only as many
    /// groups remain as bins still empty, they go to those bins, so every bin with a target gets at least one group.
    /// </summary>
    private static List<(SubjectGroup Group, int Bin)> Deal(List<SubjectGroup> ordered, int[] targets)
    {
        var filled = new int[targets.Length];
        var used = new bool[targets.Length];
        var placed = new List<(SubjectGroup, int)>();
        for (var g = 0; g < ordered.Count; g++)
        {
            var empty = Enumerable.Range(0, targets.Length).Count(b => targets[b] > 0 && !used[b]);
            var mustFillEmpty = ordered.Count - g <= empty;
            var best = -1;
            for (var b = 0; b < targets.Length; b++)
            {
                if (mustFillEmpty && (targets[b] == 0 || used[b])) continue;
                if (best < 0 || targets[b] - filled[b] > targets[best] - filled[best]) best = b;
            }
            filled[best] += ordered[g].Size;
            used[best] = true;
            placed.Add((ordered[g], best));
        }
        return placed;
    }
}
