using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>Issue 16 item 5: one bad-input path for the whole cohort, every problem of every subject in one report.</summary>
public sealed class CohortFaultReportTests : CohortRunTest
{
    [Fact]
    public void Given_a_cohort_with_eleven_different_faults_when_preprocessed_then_one_report_lists_all_eleven()
    {
        // Given 12 good subjects and 11 faulty rows: two malformed rows, a duplicate id, an id that is no file name, then
        // a missing file, a file that is no gzip, a truncated gzip, a bad header, NaN voxels, a 4-D series, a 2-D picture
        var manifest = TestCohorts.WriteManifestCohort(Root, 6, "a", "b");
        var dir = Path.GetDirectoryName(manifest)!;
        var plain = TestCohorts.PlainHead(Root);
        VolumeIO.WriteNifti(TestVolumes.Head(18, 20, 16, 1.5, 90), Path.Combine(dir, "dup.nii.gz"));
        VolumeIO.WriteNifti(TestVolumes.Head(18, 20, 16, 1.5, 91), Path.Combine(dir, "unsafe.nii.gz"));
        File.WriteAllText(Path.Combine(dir, "garbage.nii.gz"), "this is not a gzip stream");
        var gz = TestCohorts.Gzip(plain);
        File.WriteAllBytes(Path.Combine(dir, "truncated.nii.gz"), gz[..(gz.Length / 2)]);
        var badHeader = (byte[])plain.Clone();
        BitConverter.GetBytes(123).CopyTo(badHeader, 0);
        File.WriteAllBytes(Path.Combine(dir, "badheader.nii.gz"), TestCohorts.Gzip(badHeader));
        var nan = TestVolumes.Head(18, 20, 16, 1.5, 92);
        nan.Data[100] = float.NaN;
        nan.Data[2000] = float.PositiveInfinity;
        VolumeIO.WriteNifti(nan, Path.Combine(dir, "nan.nii.gz"));
        TestCohorts.Write4d(Path.Combine(dir, "series.nii.gz"), Root);
        TestCohorts.WriteNoisePng(Path.Combine(dir, "slice.png"), 1);
        File.AppendAllLines(manifest,
        [
            "r-label,a-00.nii.gz,,pat-r1", "r-age,a-01.nii.gz,a,pat-r2,old", "a-00,dup.nii.gz,a,pat-dup", "bad:id,unsafe.nii.gz,b,pat-u",
            "c-missing,missing.nii.gz,a,pat-m", "c-garbage,garbage.nii.gz,a,pat-g", "c-truncated,truncated.nii.gz,b,pat-t",
            "c-badheader,badheader.nii.gz,b,pat-h", "c-nan,nan.nii.gz,a,pat-n", "c-4d,series.nii.gz,b,pat-4", "c-png,slice.png,a,pat-p",
        ]);
        var text = File.ReadAllLines(manifest);
        text[0] += ",age";
        File.WriteAllLines(manifest, text);

        // When it is preprocessed (default quality gate: exclude up to 5 %)
        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(manifest, TestSettings.AdSplit)));

        // Then one report names every fault, each in its own line, with the file and the key that changes it
        string[] faults =
        [
            "(subject r-label): label is empty", "(subject r-age): age 'old' is not a number", "subject a-00 is listed 2 times",
            "subject_id 'bad:id' cannot be a file name", "missing.nii.gz (subject c-missing): file not found", "garbage.nii.gz (subject c-garbage):",
            "truncated.nii.gz (subject c-truncated):", "badheader.nii.gz (subject c-badheader): sizeof_hdr is 123",
            "nan.nii.gz (subject c-nan): 2 of 5760 voxels are NaN or infinite; set preprocess.nonfinite", "series.nii.gz (subject c-4d): NIfTI header says 4 dimensions",
            "slice.png (subject c-png): is a 2-D image",
        ];
        Assert.All(faults, f => Assert.Single(error.Problems, p => p.Contains(f)));
        Assert.Contains(error.Problems, p => p.Contains("preprocess.volume_index") && p.Contains("series.nii.gz"));
        Assert.Contains("preprocess.max_excluded_fraction", error.Message);
        Assert.Equal(faults.Length + 1, error.Problems.Count); // + the quality gate's verdict
    }

    [Fact]
    public void Given_class_folders_with_an_empty_class_when_preprocessed_as_BT_then_the_empty_folder_and_the_one_class_cohort_are_both_reported()
    {
        var cohort = Path.Combine(Root, "folders");
        for (var i = 0; i < 4; i++) TestCohorts.WriteNoisePng(Path.Combine(cohort, "glioma", $"g{i}.png"), i);
        Directory.CreateDirectory(Path.Combine(cohort, "meningioma"));

        var error = Assert.Throws<PreprocessingException>(() => CohortPreprocessor.Run(Request(cohort, TestSettings.BtSplit, TestCohorts.Small with { Mode = CohortMode.TwoD })));

        Assert.Contains(error.Problems, p => p.Contains("class folder meningioma/ holds no images"));
        Assert.Contains(error.Problems, p => p.Contains("the cohort has one class ('glioma', 4 subjects); the BT classifiers need at least 2 classes"));
    }
}
