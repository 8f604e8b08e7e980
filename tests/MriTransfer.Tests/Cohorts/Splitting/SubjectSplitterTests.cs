using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Splitting;

namespace MriTransfer.Tests.Cohorts.Splitting;

public class SubjectSplitterTests
{
    private static readonly SplitSettings Bt = TestSettings.BtSplit with { ValFraction = 0.2, TestFraction = 0.2, Seed = 7 };
    private static readonly SplitSettings Ad = TestSettings.AdSplit with { ValFraction = 0.2 };

    [Fact]
    public void Given_an_AD_cohort_when_split_then_only_train_and_val_appear()
    {
        var splits = SubjectSplitter.Split(TestCohorts.Make(new Dictionary<string, int> { ["AD"] = 20, ["CN"] = 20 }), Ad);

        Assert.Equal(new[] { "train", "val" }, splits.Select(s => s.Split).Distinct().Order());
        Assert.Equal(8, splits.Count(s => s.Split == "val"));
    }

    [Fact]
    public void Given_a_BT_cohort_when_split_then_each_class_has_train_val_and_test_at_the_fractions()
    {
        var splits = SubjectSplitter.Split(TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 10, ["meningioma"] = 20 }), Bt);

        Assert.Equal(2, splits.Count(s => s.Label == "glioma" && s.Split == "test"));
        Assert.Equal(4, splits.Count(s => s.Label == "meningioma" && s.Split == "val"));
        Assert.Equal(12, splits.Count(s => s.Label == "meningioma" && s.Split == "train"));
    }

    [Fact]
    public void Given_a_predefined_training_testing_split_when_split_then_test_is_kept_and_val_is_carved_from_train()
    {
        // Given Kaggle-style folders: patients 0–5 of each class in Training, 6–7 in Testing
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 8, ["pituitary"] = 8 }, predefined: (_, p) => p < 6 ? "Training" : "Testing");

        var splits = SubjectSplitter.Split(cohort, Bt);

        Assert.All(splits.Where(s => s.PatientId.EndsWith("p006") || s.PatientId.EndsWith("p007")), s => Assert.Equal("test", s.Split));
        Assert.All(splits.Where(s => s.Split == "val"), s => Assert.Matches("p00[0-5]$", s.PatientId));
        Assert.Equal(2, splits.Count(s => s.Label == "glioma" && s.Split == "val")); // 0.2 / 0.8 of 6 training subjects, rounded
    }

    [Fact]
    public void Given_a_predefined_split_that_separates_a_patients_scans_when_split_then_it_is_refused_naming_the_subjects()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 6, ["pituitary"] = 6 }, scansPerPatient: 2, predefined: (_, p) => p < 4 ? "train" : "test")
            .Select(s => s.SubjectId == "glioma-p000-s1" ? s with { PredefinedSplit = "test" } : s).ToList();

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt));

        Assert.Contains("patient glioma-p000", error.Message);
        Assert.Contains("glioma-p000-s0 (train), glioma-p000-s1 (test)", error.Message);
    }

    [Fact]
    public void Given_near_duplicates_across_the_predefined_split_when_split_then_it_is_refused_naming_the_group()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 6, ["pituitary"] = 6 }, predefined: (_, p) => p < 4 ? "train" : "test");
        IReadOnlyList<string>[] nearDuplicates = [["glioma-p001-s0", "glioma-p005-s0"]];

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt, nearDuplicates));

        Assert.Contains("near-duplicate group of patients glioma-p001, glioma-p005", error.Message);
        Assert.Contains("glioma-p001-s0 (train), glioma-p005-s0 (test)", error.Message);
    }

    [Fact]
    public void Given_a_near_duplicate_group_when_randomly_split_then_its_subjects_share_a_split()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["a"] = 12, ["b"] = 12 });
        IReadOnlyList<string>[] nearDuplicates = [["a-p000-s0", "a-p001-s0", "a-p002-s0", "a-p003-s0"]];

        var splits = SubjectSplitter.Split(cohort, Bt, nearDuplicates).Where(s => nearDuplicates[0].Contains(s.SubjectId)).ToList();

        Assert.Single(splits.Select(s => s.Split).Distinct());
        Assert.Single(splits.Select(s => s.GroupId).Distinct());
    }

    [Fact]
    public void Given_a_cohort_smaller_than_the_split_needs_when_split_then_the_message_says_how_many_per_class()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 2, ["pituitary"] = 2 });

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt));

        Assert.Contains("cohort has 4 subjects in 2 classes", error.Message);
        Assert.Contains("needs at least 3 subjects from different patients per class, 6 in all", error.Message);
    }

    [Fact]
    public void Given_a_class_with_too_few_patients_when_split_then_the_class_is_named()
    {
        // Given plenty of subjects, but all 'rare' scans come from two patients
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["common"] = 10 })
            .Concat(TestCohorts.Make(new Dictionary<string, int> { ["rare"] = 2 }, scansPerPatient: 5)).ToList();

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt));

        Assert.Contains("class 'rare' has 2 patient group(s) (10 subjects)", error.Message);
        Assert.Contains("needs at least 3 patients per class", error.Message);
    }

    [Fact]
    public void Given_a_predefined_split_on_only_some_subjects_when_split_then_the_missing_ones_are_listed()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["a"] = 4, ["b"] = 4 }, predefined: (l, p) => l == "a" ? "train" : null);

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt));

        Assert.Contains("given for 4 of 8 subjects", error.Message);
        Assert.Contains("b-p000-s0", error.Message);
    }

    [Fact]
    public void Given_an_AD_role_with_a_test_fraction_when_split_then_the_settings_are_refused()
    {
        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(TestCohorts.Make(new Dictionary<string, int> { ["a"] = 9 }), Ad with { TestFraction = 0.1 }));

        Assert.Contains("test_fraction must be 0 for an AD cohort", error.Message);
    }

    [Fact]
    public void Given_duplicate_subject_ids_when_split_then_they_are_refused()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["a"] = 5, ["b"] = 5 });
        cohort.Add(cohort[0] with { PatientId = "other" });

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, Bt));

        Assert.Contains("subject_id a-p000-s0 appears 2 times", error.Message);
    }

    [Fact]
    public void Given_a_different_seed_when_split_then_the_assignment_changes()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["a"] = 30, ["b"] = 30 });

        var first = SubjectSplitter.Split(cohort, Bt with { Seed = 1 });
        var second = SubjectSplitter.Split(cohort, Bt with { Seed = 2 });

        Assert.NotEqual(first.Select(s => s.Split), second.Select(s => s.Split));
    }
}

public class SubjectSplitterPackingTests
{
    [Fact]
    public void Given_one_large_patient_group_and_three_single_scans_when_split_then_every_split_gets_one_group()
    {
        // Given class 'a' with one 25-scan patient and three single-scan patients
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["a"] = 1 }, scansPerPatient: 25)
            .Concat(TestCohorts.Make(new Dictionary<string, int> { ["a"] = 4 }).Skip(1))
            .Concat(TestCohorts.Make(new Dictionary<string, int> { ["b"] = 10 })).ToList();

        var splits = SubjectSplitter.Split(cohort, TestSettings.BtSplit with { ValFraction = 0.15, TestFraction = 0.2 });

        Assert.Equal(new[] { "test", "train", "val" }, splits.Where(s => s.Label == "a").Select(s => s.Split).Distinct().Order());
        Assert.All(splits.Where(s => s.PatientId == "a-p000"), s => Assert.Equal("train", s.Split));
    }
}

public class PredefinedSplitCoverageTests
{
    [Fact]
    public void Given_a_BT_predefined_split_without_test_subjects_of_a_class_when_split_then_the_class_is_named()
    {
        var cohort = TestCohorts.Make(new Dictionary<string, int> { ["glioma"] = 6, ["pituitary"] = 6 }, predefined: (label, p) => label == "glioma" && p >= 4 ? "test" : "train");

        var error = Assert.Throws<SplitException>(() => SubjectSplitter.Split(cohort, TestSettings.BtSplit));

        Assert.Contains("class 'pituitary' has no subject in the predefined test split", Assert.Single(error.Problems));
    }
}
