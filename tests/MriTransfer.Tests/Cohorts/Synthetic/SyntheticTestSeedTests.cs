using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Tests.Imaging;
using Pipeline.Errors;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class SyntheticTestSeedTests
{
    private static readonly SyntheticCohortSettings Settings = TestSettings.Synthesis with
    {
        Seed = 5, AdSubjects = 3, BtSubjects = 40, Shape = [32, 32, 32], SpacingMm = 6, BtRepeatFraction = 0.5, TestSeed = 9, BtTestFraction = 0.3,
    };

    [Fact]
    public void Given_a_test_seed_When_planned_Then_test_fraction_of_the_scans_are_test_patients_of_every_class_and_repeat_scans_stay_in_test()
    {
        var bt = BtCohortPlan.Plan(Settings);

        var test = bt.Where(s => s.Split == SplitNames.Test).ToList();
        Assert.Equal(40, bt.Count);
        Assert.Equal(12, test.Count);
        Assert.All(bt, s => Assert.Equal(s.PatientId.StartsWith("bt-t", StringComparison.Ordinal) ? SplitNames.Test : SplitNames.Train, s.Split));
        Assert.Equal(BtCohortPlan.Classes.Order(), test.Select(s => s.Label).Distinct().Order());
        Assert.Contains(test.GroupBy(s => s.PatientId), p => p.Count() == 2);
    }

    [Fact]
    public void Given_another_master_seed_When_planned_Then_the_test_patients_are_unchanged_and_the_train_patients_differ()
    {
        var one = BtCohortPlan.Plan(Settings);
        var other = BtCohortPlan.Plan(Settings with { Seed = 6 });

        static List<double> Ages(IEnumerable<SyntheticScan> scans, string split) =>
            scans.Where(s => s.Split == split).Select(s => s.Phantom.Head.Radii.X).ToList();
        Assert.Equal(Ages(one, SplitNames.Test), Ages(other, SplitNames.Test));
        Assert.NotEqual(Ages(one, SplitNames.Train), Ages(other, SplitNames.Train));
    }

    [Fact]
    public void Given_a_test_seed_When_generated_and_split_Then_the_predefined_test_patients_are_exactly_the_test_split_and_val_comes_from_train()
    {
        using var temp = new TempFolder();
        var summary = SyntheticCohorts.Generate(Settings, temp.Path);
        var subjects = CohortManifest.Load(summary.BtManifest);

        var split = SubjectSplitter.Split(subjects, new SplitSettings(CohortRole.Bt, 0.2, 0.3, 0, 42, [1.0]),
            NearDuplicateFinder.Find(subjects));

        Assert.Equal(subjects.Where(s => s.PatientId.StartsWith("bt-t", StringComparison.Ordinal)).Select(s => s.SubjectId).Order(),
            split.Where(a => a.Split == SplitNames.Test).Select(a => a.SubjectId).Order());
        Assert.Contains(split, a => a.Split == SplitNames.Val);
        Assert.All(split.Where(a => a.Split == SplitNames.Val), a => Assert.StartsWith("bt-p", a.PatientId));
    }

    [Fact]
    public void Given_independent_synthetic_patients_When_searched_for_near_duplicates_Then_no_group_joins_two_patients()
    {
        using var temp = new TempFolder();
        var subjects = CohortManifest.Load(SyntheticCohorts.Generate(Settings, temp.Path).BtManifest);

        var groups = NearDuplicateFinder.Find(subjects);

        Assert.DoesNotContain(groups, g => g.Select(id => subjects.Single(s => s.SubjectId == id).PatientId).Distinct().Count() > 1);
    }

    [Fact]
    public void Given_the_test_seed_equal_to_the_master_seed_When_validated_Then_it_is_refused_naming_both_keys()
    {
        var e = Assert.Throws<InputException>(() => (Settings with { TestSeed = 5 }).Validate());

        Assert.Equal("synthesize.test_seed must differ from synthesize.seed (both 5): the BT test patients must come from a seed no tuning saw", e.Message);
    }

    [Fact]
    public void Given_too_few_scans_for_a_test_patient_per_class_When_validated_Then_it_is_refused_naming_the_keys()
    {
        var e = Assert.Throws<InputException>(() => (Settings with { BtSubjects = 10, BtTestFraction = 0.2 }).Validate());

        Assert.StartsWith("synthesize.bt_subjects × preprocess_bt.test_fraction = 10 × 0.2 gives 2 test scans", e.Message);
    }

    [Fact]
    public void Given_no_test_seed_When_planned_Then_no_scan_has_a_predefined_split()
    {
        Assert.All(BtCohortPlan.Plan(Settings with { TestSeed = null }), s => Assert.Null(s.Split));
    }
}
