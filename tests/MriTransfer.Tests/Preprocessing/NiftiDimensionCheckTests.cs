using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public sealed class NiftiDimensionCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mt-dims-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Given_a_4d_nifti_when_checked_then_it_is_refused_naming_the_extra_dimension()
    {
        // Given a NIfTI whose header says 4 dimensions with 3 time points
        var path = Path.Combine(_dir, "bold.nii");
        VolumeIO.WriteNifti(Volume.Create(4, 4, 4), path);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes((short)4).CopyTo(bytes, 40);
        BitConverter.GetBytes((short)3).CopyTo(bytes, 48);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<PreprocessingException>(() => NiftiDimensionCheck.Require3D(path));

        Assert.Contains("4 dimensions (dim[4]=3)", error.Message);
    }

    [Fact]
    public void Given_a_3d_nifti_gz_when_checked_then_it_passes()
    {
        var path = Path.Combine(_dir, "t1.nii.gz");
        VolumeIO.WriteNifti(Volume.Create(4, 4, 4), path);

        NiftiDimensionCheck.Require3D(path);
    }
}
