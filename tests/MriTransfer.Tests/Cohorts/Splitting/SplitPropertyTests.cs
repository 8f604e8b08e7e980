using FsCheck;
using FsCheck.Xunit;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Tests.Cohorts.Splitting;

/// <summary>Invariants of the splitter and the label fractions over random cohorts and seeds.</summary>
public class SplitPropertyTests
{
    private static readonly SplitSettings Bt = TestSettings.BtSplit with { ValFraction = 0.15, TestFraction = 0.2 };

    [Property(MaxTest = 60)]
    public bool No_patient_is_in_two_splits(int cohortSeed, int splitSeed)
    {
        var splits = SubjectSplitter.Split(TestCohorts.Random(cohortSeed), Bt with { Seed = splitSeed });

        return splits.GroupBy(s => s.PatientId).All(p => p.Select(s => s.Split).Distinct().Count() == 1);
    }

    [Property(MaxTest = 100)]
    public bool No_near_duplicate_group_is_in_two_splits(int cohortSeed, int splitSeed)
    {
        // three disjoint near-duplicate pairs linking subjects of (usually) different patients of one class;
        // the cohort generator gives every class at least 8 patients, so at least 5 groups remain to split
        var cohort = TestCohorts.Random(cohortSeed);
        var random = new Random(cohortSeed ^ 0x5eed);
        var shuffled = cohort.Where(s => s.Label == "class0").OrderBy(_ => random.Next()).Select(s => s.SubjectId).ToList();
        var groups = Enumerable.Range(0, 3).Select(k => (IReadOnlyList<string>)shuffled.Skip(2 * k).Take(2).ToList()).ToList();

        var splits = SubjectSplitter.Split(cohort, Bt with { Seed = splitSeed }, groups).ToDictionary(s => s.SubjectId);

        return groups.All(g => g.Select(id => splits[id].Split).Distinct().Count() == 1);
    }

    [Property(MaxTest = 60)]
    public bool Per_class_counts_are_within_one_of_the_target(int cohortSeed, int splitSeed)
    {
        var splits = SubjectSplitter.Split(TestCohorts.Random(cohortSeed, oneScanPerPatient: true), Bt with { Seed = splitSeed });

        return splits.GroupBy(s => s.Label).All(c =>
        {
            var n = c.Count();
            return Math.Abs(c.Count(s => s.Split == "test") - Bt.TestFraction * n) < 1
                   && Math.Abs(c.Count(s => s.Split == "val") - Bt.ValFraction * n) < 1
                   && Math.Abs(c.Count(s => s.Split == "train") - Bt.TrainFraction * n) < 1;
        });
    }

    [Property(MaxTest = 40)]
    public bool The_same_seed_gives_the_same_split_whatever_the_manifest_order(int cohortSeed, int splitSeed)
    {
        var cohort = TestCohorts.Random(cohortSeed);
        var shuffled = cohort.OrderBy(s => s.SubjectId.GetHashCode() ^ splitSeed).ToList();

        var first = SubjectSplitter.Split(cohort, Bt with { Seed = splitSeed });
        var second = SubjectSplitter.Split(shuffled, Bt with { Seed = splitSeed });

        return first.SequenceEqual(second);
    }

    [Property(MaxTest = 60)]
    public bool Label_fractions_are_nested_stratified_and_inside_train(int cohortSeed, int splitSeed)
    {
        var splits = SubjectSplitter.Split(TestCohorts.Random(cohortSeed), Bt with { Seed = splitSeed });
        double[] fractions = [0.1, 0.25, 0.5, 1.0];

        var rows = LabelFractionSampler.Sample(splits, fractions, splitSeed);

        var train = splits.Where(s => s.Split == "train").ToList();
        var subsets = fractions.Select(f => rows.Where(r => r.Fraction <= f).Select(r => r.SubjectId).ToHashSet()).ToList();
        var nested = subsets.Zip(subsets.Skip(1)).All(p => p.First.IsSubsetOf(p.Second));
        var everyClassInEverySubset = subsets.All(subset => train.GroupBy(s => s.Label).All(c => c.Any(s => subset.Contains(s.SubjectId))));
        var onlyTrain = rows.All(r => train.Any(t => t.SubjectId == r.SubjectId));
        var fullIsAllTrain = subsets[^1].Count == train.Count;
        var patientsWhole = rows.GroupBy(r => splits.First(s => s.SubjectId == r.SubjectId).PatientId).All(p => p.Select(r => r.Fraction).Distinct().Count() == 1);
        return nested && everyClassInEverySubset && onlyTrain && fullIsAllTrain && patientsWhole;
    }

    [Property(MaxTest = 40)]
    public bool K_folds_put_every_non_test_patient_in_exactly_one_fold_with_every_class_in_every_fold(int cohortSeed, int splitSeed)
    {
        var splits = SubjectSplitter.Split(TestCohorts.Random(cohortSeed), Bt with { Seed = splitSeed, KFolds = 3 });

        var nonTest = splits.Where(s => s.Split != "test").ToList();
        return nonTest.All(s => s.Fold is >= 0 and < 3)
               && splits.Where(s => s.Split == "test").All(s => s.Fold is null)
               && nonTest.All(s => (s.Fold == 0) == (s.Split == "val"))
               && nonTest.GroupBy(s => s.PatientId).All(p => p.Select(s => s.Fold).Distinct().Count() == 1)
               && nonTest.GroupBy(s => s.Label).All(c => c.Select(s => s.Fold).Distinct().Count() == 3);
    }

    [Property(MaxTest = 60)]
    public bool Every_class_is_in_every_split_even_with_multi_scan_patients(int cohortSeed, int splitSeed)
    {
        var splits = SubjectSplitter.Split(TestCohorts.Random(cohortSeed), Bt with { Seed = splitSeed });

        return splits.GroupBy(s => s.Label).All(c => c.Select(s => s.Split).Distinct().Count() == 3);
    }
}
