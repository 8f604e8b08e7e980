using System.Text.Json;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;
using Pipeline.Errors;

namespace MriTransfer.Tests.Preprocessing;

public sealed class CohortPreprocessorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-preprocess-").FullName;
    private static readonly PreprocessSettings Small = TestCohorts.Small;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string WriteCohort(int perClass, params string[] classes) => TestCohorts.WriteManifestCohort(_root, perClass, classes);

    private CohortPreprocessRequest Request(string manifest, SplitSettings split, PreprocessSettings? settings = null) =>
        new(manifest, Directory.CreateDirectory(Path.Combine(_root, "out")).FullName, settings ?? Small, split);

    [Fact]
    public void Given_a_BT_cohort_when_preprocessed_then_PreprocessedCohort_Load_reads_every_subject_split_and_fraction()
    {
        var manifest = WriteCohort(8, "glioma", "meningioma");

        CohortPreprocessor.Run(Request(manifest, TestSettings.BtSplit with { Seed = 3 }));
        var cohort = PreprocessedCohort.Load(Path.Combine(_root, "out"));

        Assert.Equal(CohortMode.ThreeD, cohort.Mode);
        Assert.Equal(new[] { "glioma", "meningioma" }, cohort.Classes);
        Assert.Equal(new[] { 12, 12, 12 }, cohort.Shape);
        Assert.Equal(16, cohort.Subjects.Count);
        Assert.Equal(new[] { "test", "train", "val" }, cohort.Subjects.Select(s => s.Split).Distinct().Order());
        Assert.All(cohort.Subjects, s => Assert.Equal(new[] { 12, 12, 12 }, VolumeIO.Read(cohort.PathOf(s)).Shape));
        Assert.Equal(cohort.Split("train").Count, cohort.TrainSubset(1.0).Count);
        Assert.Equal(2, cohort.TrainSubset(0.1).Count); // one per class
        Assert.True(File.Exists(Path.Combine(_root, "out", "qc.png")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "splits.csv")));
    }

    [Fact]
    public void Given_a_label_fraction_the_cohort_was_not_split_into_when_taking_the_train_subset_then_the_error_lists_the_drawn_fractions()
    {
        var manifest = WriteCohort(8, "glioma", "meningioma");
        CohortPreprocessor.Run(Request(manifest, TestSettings.BtSplit with { Seed = 3 }));
        var cohort = PreprocessedCohort.Load(Path.Combine(_root, "out"));

        var error = Assert.Throws<InputException>(() => cohort.TrainSubset(0.3));

        Assert.Contains("train.label_fraction = 0.3", error.Message);
        Assert.Contains($"[{string.Join(", ", cohort.DeclaredFractions)}]", error.Message);
        Assert.Contains("preprocess_bt.label_fractions", error.Message);
    }

    [Fact]
    public void Given_an_AD_cohort_when_preprocessed_then_there_is_no_test_split_and_no_label_fractions_file()
    {
        var manifest = WriteCohort(5, "AD", "CN");

        var summary = CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit with { ValFraction = 0.2 }));

        Assert.Equal(new[] { "train", "val" }, summary.Counts.Keys.Order());
        Assert.False(File.Exists(Path.Combine(_root, "out", "label_fractions.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "out", "summary.json")));
        Assert.Equal(10, json.RootElement.GetProperty("input_orientations").GetProperty("RAS").GetInt32());
    }

    [Fact]
    public void Given_2d_mode_when_a_cohort_of_volumes_is_preprocessed_then_each_subject_file_is_H_W_K()
    {
        var manifest = WriteCohort(4, "a", "b");

        var summary = CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit, Small with { Mode = CohortMode.TwoD }));

        Assert.Equal(new[] { 10, 10, 3 }, summary.Shape);
        Assert.Equal(CohortMode.TwoD, PreprocessedCohort.Load(Path.Combine(_root, "out")).Mode);
    }

    [Fact]
    public void Given_the_same_cohort_twice_when_preprocessed_with_different_worker_counts_then_the_files_are_identical()
    {
        var manifest = WriteCohort(4, "a", "b");
        var split = TestSettings.AdSplit;

        CohortPreprocessor.Run(Request(manifest, split, Small with { Workers = 1 }));
        var first = Directory.GetFiles(Path.Combine(_root, "out"), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        Directory.Delete(Path.Combine(_root, "out"), true);
        CohortPreprocessor.Run(Request(manifest, split, Small with { Workers = 3 }));
        var second = Directory.GetFiles(Path.Combine(_root, "out"), "*", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Given_bad_subjects_when_preprocessed_then_every_problem_is_reported_together_naming_the_files()
    {
        // Given a cohort where one file has a singular affine and another is an empty volume
        var manifest = WriteCohort(4, "a", "b");
        var dir = Path.GetDirectoryName(manifest)!;
        VolumeIO.WriteNifti(new Volume(new float[8 * 8 * 8], [8, 8, 8], [1, 1, 1], new double[,] { { 1, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } }), Path.Combine(dir, "a-00.nii.gz"));
        VolumeIO.WriteNifti(Volume.Create(8, 8, 8), Path.Combine(dir, "b-01.nii.gz"));

        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit)));

        Assert.Equal(3, error.Problems.Count); // the quality gate's verdict, then each bad subject
        Assert.Contains("2 of 8 subjects", error.Problems[0]);
        Assert.Contains(error.Problems, p => p.Contains("a-00.nii.gz (subject a-00): affine is singular"));
        Assert.Contains(error.Problems, p => p.Contains("b-01.nii.gz (subject b-01)") && p.Contains("no voxel above the foreground threshold"));
    }

    [Fact]
    public void Given_a_cohort_too_small_for_a_BT_split_when_preprocessed_then_it_is_refused_saying_how_many_subjects_each_class_needs()
    {
        var manifest = WriteCohort(2, "a", "b");

        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.BtSplit)));

        Assert.Contains("needs at least 3 subjects from different patients per class", error.Message);
    }

    [Fact]
    public void Given_a_truncated_file_and_a_bad_volume_when_preprocessed_then_both_are_reported_in_one_run()
    {
        // Given a cohort where one file is cut short (its header parses, its voxels end early) and another is empty
        var manifest = WriteCohort(4, "a", "b");
        var dir = Path.GetDirectoryName(manifest)!;
        var plain = Path.Combine(_root, "plain.nii");
        VolumeIO.WriteNifti(TestVolumes.Head(18, 20, 16), plain);
        File.WriteAllBytes(Path.Combine(dir, "a-02.nii.gz"), TestCohorts.Gzip(File.ReadAllBytes(plain)[..2000]));
        VolumeIO.WriteNifti(Volume.Create(8, 8, 8), Path.Combine(dir, "b-03.nii.gz"));

        // When it is preprocessed, Then the read error (found in the one pass that reads each file) and the volume
        // error come together
        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit)));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("a-02.nii.gz (subject a-02): voxel data is too short"));
        Assert.Contains(error.Problems, p => p.Contains("b-03.nii.gz (subject b-03)") && p.Contains("no voxel above the foreground threshold"));
    }

    [Fact]
    public void Given_a_4d_series_in_the_cohort_when_preprocessed_then_it_is_refused_naming_the_file_and_dim4()
    {
        // Given a cohort where one subject's file is a 4-D series (header dim[0] = 4, dim[4] = 2)
        var manifest = WriteCohort(4, "a", "b");
        TestCohorts.Write4d(Path.Combine(Path.GetDirectoryName(manifest)!, "a-01.nii.gz"), _root);

        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit)));

        Assert.Contains(error.Problems, p => p.Contains("a-01.nii.gz (subject a-01): NIfTI header says 4 dimensions (dim[4]=2)") && p.Contains("preprocess.volume_index"));
    }

    [Fact]
    public void Given_a_cohort_mixing_2d_images_and_3d_volumes_when_preprocessed_in_2d_mode_then_it_is_refused()
    {
        var manifest = WriteCohort(4, "a", "b");
        // one subject's file replaced by a single 2-D slice
        var image = TestVolumes.Head(20, 20, 3);
        VolumeIO.WriteNifti(new Volume(image.Data.Skip(400).Take(400).ToArray(), [20, 20, 1], [1, 1, 1], Volume.DiagonalAffine(1, 1, 1)), Path.Combine(Path.GetDirectoryName(manifest)!, "b-02.nii.gz"));

        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit, Small with { Mode = CohortMode.TwoD })));

        Assert.Contains(error.Problems, p => p.Contains("b-02.nii.gz (subject b-02): a 2-D image in a cohort of 7 3-D volumes"));
    }
}
