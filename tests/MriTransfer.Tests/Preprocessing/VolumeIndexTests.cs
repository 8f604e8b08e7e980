using MriTransfer.Cohorts;
using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

/// <summary>preprocess.volume_index: which volume of a 4-D file a subject is read at.</summary>
public sealed class VolumeIndexTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-volume-index-").FullName;
    private static readonly PreprocessSettings Small = TestSettings.Preprocess with { TargetShape = [12, 12, 12], TargetSpacing = [2, 2, 2], NearDuplicateDistance = 0 };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A two-volume series: volume 0 and volume 1 are different heads; returns the 4-D file and a 3-D copy of volume 1.</summary>
    private (string Series, string Second) Write()
    {
        var first = TestVolumes.Head(18, 20, 16, 1.5, 1);
        var second = TestVolumes.Head(18, 20, 16, 1.5, 2);
        var secondPath = Path.Combine(_root, "second.nii");
        VolumeIO.WriteNifti(second, secondPath);
        VolumeIO.WriteNifti(first, Path.Combine(_root, "first.nii"));
        var bytes = File.ReadAllBytes(Path.Combine(_root, "first.nii"));
        BitConverter.GetBytes((short)4).CopyTo(bytes, 40); // dim[0] = 4
        BitConverter.GetBytes((short)2).CopyTo(bytes, 48); // dim[4] = 2
        var series = Path.Combine(_root, "series.nii");
        File.WriteAllBytes(series, bytes.Concat(File.ReadAllBytes(secondPath).Skip(352)).ToArray());
        return (series, secondPath);
    }

    [Fact]
    public void Given_volume_index_1_When_a_4D_subject_is_preprocessed_Then_it_is_its_second_volume_preprocessed()
    {
        var (series, second) = Write();
        var settings = Small with { VolumeIndex = 1 };

        SubjectProcessor.Run(new CohortSubject("s", series, "a", "s"), settings, Path.Combine(_root, "from-series"), keepQc: false);
        SubjectProcessor.Run(new CohortSubject("s", second, "a", "s"), settings with { VolumeIndex = null }, Path.Combine(_root, "from-volume"), keepQc: false);

        Assert.Equal(VolumeIO.Read(Path.Combine(_root, "from-volume", "subjects", "s.nii.gz")).Data,
            VolumeIO.Read(Path.Combine(_root, "from-series", "subjects", "s.nii.gz")).Data);
    }

    [Fact]
    public void Given_no_volume_index_When_a_4D_subject_is_preprocessed_Then_the_error_names_the_params_key()
    {
        var (series, _) = Write();

        var e = Assert.Throws<ImageReadException>(() => SubjectProcessor.Run(new CohortSubject("s", series, "a", "s"), Small, Path.Combine(_root, "out"), keepQc: false));

        Assert.Contains("choose one with preprocess.volume_index in params.yaml", e.Message);
    }
}
