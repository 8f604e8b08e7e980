using MriTransfer.Cohorts.Splitting;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>preprocess.modality_suffix reaches cohort discovery: a BraTS-style folder preprocesses one modality per case.</summary>
public sealed class ModalitySuffixTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-modality-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Given_BraTS_case_folders_When_preprocessed_with_a_modality_suffix_Then_each_case_is_one_subject_of_that_modality()
    {
        var cohort = Path.Combine(_root, "brats");
        var seed = 0;
        foreach (var grade in new[] { "HGG", "LGG" })
            for (var c = 0; c < 4; c++)
            {
                var id = $"BraTS19_{grade}_{c:D3}";
                var folder = Directory.CreateDirectory(Path.Combine(cohort, grade, id)).FullName;
                foreach (var modality in new[] { "t1", "t1ce", "seg" })
                    VolumeIO.WriteNifti(TestVolumes.Head(14, 16, 12, 1.5, seed++), Path.Combine(folder, $"{id}_{modality}.nii.gz"));
            }
        var settings = TestSettings.Preprocess with { TargetShape = [8, 8, 8], TargetSpacing = [3, 3, 3], NearDuplicateDistance = 0, ModalitySuffix = "_t1ce" };
        var output = Directory.CreateDirectory(Path.Combine(_root, "out")).FullName;

        var summary = CohortPreprocessor.Run(new CohortPreprocessRequest(cohort, output, settings, TestSettings.AdSplit with { ValFraction = 0.25 }));

        Assert.Equal(8, summary.Counts.Values.Sum(c => c.Values.Sum()));
        var index = File.ReadAllLines(Path.Combine(output, "index.csv")).Skip(1).ToList();
        Assert.Equal(8, index.Count);
        Assert.All(index, row => Assert.Contains("_t1ce", row));
    }
}
