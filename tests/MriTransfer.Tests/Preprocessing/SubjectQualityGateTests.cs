using System.Text.Json;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>Issue 17 items 4 and 5: one odd scan never sinks a cohort; near-duplicates across a dataset's own split.</summary>
public sealed class SubjectQualityGateTests : CohortRunTest
{
    /// <summary>A manifest cohort of 10 heads per class with one all-zero volume and one 4-D file.</summary>
    private string CohortWithTwoBadSubjects()
    {
        var manifest = TestCohorts.WriteManifestCohort(Root, 10, "a", "b");
        VolumeIO.WriteNifti(Volume.Create(8, 8, 8), Path.Combine(Path.GetDirectoryName(manifest)!, "a-03.nii.gz"));
        TestCohorts.Write4d(Path.Combine(Path.GetDirectoryName(manifest)!, "b-07.nii.gz"), Root);
        return manifest;
    }

    private static IReadOnlyList<string[]> Csv(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Split(',', 4)).ToList();

    [Fact]
    public void Given_bad_subjects_within_the_limit_when_excluding_then_each_is_listed_with_its_reason_counted_and_printed_and_the_run_goes_on()
    {
        var log = new List<string>();

        var summary = CohortPreprocessor.Run(Request(CohortWithTwoBadSubjects(), TestSettings.AdSplit, TestCohorts.Small with { MaxExcludedFraction = 0.1 }), log: log.Add);

        var excluded = Csv(Path.Combine(Out, "excluded.csv"));
        Assert.Equal(["a-03", "b-07"], excluded.Select(r => r[0]));
        Assert.Equal(["a", "b"], excluded.Select(r => r[1]));
        Assert.Equal("a-03.nii.gz", excluded[0][2]);
        Assert.Contains("no voxel above the foreground threshold", excluded[0][3]);
        Assert.Contains("preprocess.volume_index", excluded[1][3]);
        Assert.Equal(2, summary.Excluded);
        Assert.Equal(18, PreprocessedCohort.Load(Out).Subjects.Count);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(2, json.RootElement.GetProperty("excluded").GetInt32());
        Assert.StartsWith("excluded 2 of 20 subjects (listed in excluded.csv", log[0]);
        Assert.Contains("a-03 (", log[1]);
        Assert.Contains("b-07 (", log[2]);
    }

    [Fact]
    public void Given_more_bad_subjects_than_the_limit_when_excluding_then_the_stage_fails_naming_them_all()
    {
        var error = Assert.Throws<PreprocessingException>(() =>
            CohortPreprocessor.Run(Request(CohortWithTwoBadSubjects(), TestSettings.AdSplit, TestCohorts.Small with { MaxExcludedFraction = 0.05 })));

        Assert.Contains("2 of 20 subjects (10.0 %) are unusable, more than preprocess.max_excluded_fraction 0.05", error.Problems[0]);
        Assert.Contains(error.Problems, p => p.Contains("a-03.nii.gz (subject a-03)"));
        Assert.Contains(error.Problems, p => p.Contains("b-07.nii.gz (subject b-07)"));
    }

    [Fact]
    public void Given_on_bad_subject_fail_when_one_subject_is_bad_then_the_stage_fails_naming_the_key()
    {
        var error = Assert.Throws<PreprocessingException>(() =>
            CohortPreprocessor.Run(Request(CohortWithTwoBadSubjects(), TestSettings.AdSplit, TestCohorts.Small with { OnBadSubject = BadSubjectPolicy.Fail, MaxExcludedFraction = 1 })));

        Assert.Contains("preprocess.on_bad_subject is fail", error.Problems[0]);
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void Given_a_clean_cohort_when_preprocessed_then_excluded_csv_is_a_header_and_summary_json_has_no_excluded_field()
    {
        CohortPreprocessor.Run(Request(TestCohorts.WriteManifestCohort(Root, 4, "a", "b"), TestSettings.AdSplit, TestCohorts.Small));

        Assert.Equal(["subject_id,label,path,reason"], File.ReadAllLines(Path.Combine(Out, "excluded.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.False(json.RootElement.TryGetProperty("excluded", out _));
    }

    [Theory]
    [InlineData(NonFinitePolicy.Zero, 0f)]
    [InlineData(NonFinitePolicy.Nearest, 7f)]
    public void Given_NaN_voxels_when_nonfinite_repairs_them_then_they_become_zero_or_the_nearest_finite_value(NonFinitePolicy policy, float expected)
    {
        float[] data = [7, float.NaN, float.PositiveInfinity, 3];

        var count = NonFiniteRepair.Apply(data, 4, 1, 1, policy);

        Assert.Equal(2, count);
        Assert.Equal(expected, data[1]);
        Assert.Equal(policy == NonFinitePolicy.Zero ? 0f : 3f, data[2]);
    }

    [Fact]
    public void Given_a_subject_with_NaN_voxels_when_nonfinite_is_nearest_then_it_is_kept()
    {
        var manifest = TestCohorts.WriteManifestCohort(Root, 4, "a", "b");
        var nan = TestVolumes.Head(18, 20, 16, 1.5, 5);
        nan.Data[0] = float.NaN;
        VolumeIO.WriteNifti(nan, Path.Combine(Path.GetDirectoryName(manifest)!, "b-01.nii.gz"));

        var summary = CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit, TestCohorts.Small with { Nonfinite = NonFinitePolicy.Nearest }));

        Assert.Equal(0, summary.Excluded);
        Assert.Equal(8, PreprocessedCohort.Load(Out).Subjects.Count);
    }

    /// <summary>Kaggle-style Training/Testing class folders of noise pictures, with one training picture copied into Testing.</summary>
    private string KaggleCohortWithACrossSplitCopy()
    {
        var cohort = Path.Combine(Root, "kaggle");
        var seed = 0;
        foreach (var label in new[] { "glioma", "meningioma" })
        {
            for (var i = 0; i < 5; i++) TestCohorts.WriteNoisePng(Path.Combine(cohort, "Training", label, $"tr{i}.png"), seed++);
            for (var i = 0; i < 2; i++) TestCohorts.WriteNoisePng(Path.Combine(cohort, "Testing", label, $"te{i}.png"), seed++);
        }
        File.Copy(Path.Combine(cohort, "Training", "glioma", "tr2.png"), Path.Combine(cohort, "Testing", "glioma", "copy.png"));
        return cohort;
    }

    private static readonly PreprocessSettings TwoD = TestCohorts.Small with { Mode = CohortMode.TwoD, NearDuplicateDistance = 4 };

    [Fact]
    public void Given_a_near_duplicate_across_the_predefined_split_when_preprocessed_then_the_message_names_the_key_the_folders_and_both_fixes()
    {
        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(KaggleCohortWithACrossSplitCopy(), TestSettings.BtSplit, TwoD)));

        Assert.Contains("folders Testing/glioma, Training/glioma", error.Message);
        Assert.Contains("lower preprocess.near_duplicate_distance", error.Message);
        Assert.Contains("preprocess.duplicates_across_predefined: drop_from_test", error.Message);
        Assert.Contains("Testing/glioma/copy.png (test) ~ Training/glioma/tr2.png (train)", error.Message);
    }

    [Fact]
    public void Given_drop_from_test_when_a_test_image_copies_a_training_image_then_the_test_copy_is_removed_and_listed()
    {
        var summary = CohortPreprocessor.Run(Request(KaggleCohortWithACrossSplitCopy(), TestSettings.BtSplit,
            TwoD with { DuplicatesAcrossPredefined = CrossSplitDuplicatePolicy.DropFromTest }));

        var excluded = Assert.Single(Csv(Path.Combine(Out, "excluded.csv")));
        Assert.Equal(["test-glioma-copy", "glioma", "Testing/glioma/copy.png"], excluded[..3]);
        Assert.Contains("near-duplicate of Training/glioma/tr2.png (train)", excluded[3]);
        Assert.Equal(1, summary.Excluded);
        Assert.DoesNotContain(PreprocessedCohort.Load(Out).Subjects, s => s.SubjectId == "test-glioma-copy");
        Assert.False(File.Exists(Path.Combine(Out, "subjects", "test-glioma-copy.nii.gz")));
    }
}
