using MriTransfer.Imaging;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Tests.Imaging;

public sealed class NiftiWriterTests
{
    private static Volume Sample()
    {
        var volume = Volume.Create(4, 3, 2, 1.5, 2, 2.5);
        for (var i = 0; i < volume.Data.Length; i++) volume.Data[i] = i * 0.5f - 3;
        // 30° about z, a flip of x (negative determinant) and an offset.
        var (s, c) = Math.SinCos(Math.PI / 6);
        double[,] a = { { -c * 1.5, -s * 2, 0, 10 }, { -s * 1.5, c * 2, 0, -20 }, { 0, 0, 2.5, 30 }, { 0, 0, 0, 1 } };
        return new Volume(volume.Data, volume.Shape, [1.5, 2, 2.5], a);
    }

    [Theory]
    [InlineData("v.nii", 1)]
    [InlineData("v.nii.gz", 1)]
    [InlineData("v.hdr", 1)]
    [InlineData("v.img.gz", 1)]
    [InlineData("v.nii", 2)]
    [InlineData("v.nii.gz", 2)]
    public void Given_a_volume_When_written_and_read_back_Then_voxels_shape_and_affine_are_unchanged(string name, int version)
    {
        using var temp = new TempFolder();
        var original = Sample();

        VolumeIO.WriteNifti(original, temp.File(name), new NiftiWriteOptions { Version = version });
        var back = VolumeIO.Read(temp.File(name));

        Assert.Equal(original.Data, back.Data);
        Assert.Equal(original.Shape, back.Shape);
        for (var r = 0; r < 4; r++)
            for (var col = 0; col < 4; col++) Assert.Equal(original.Affine[r, col], back.Affine[r, col], 4);
    }

    [Fact]
    public void Given_a_written_file_When_its_qform_is_decoded_Then_it_matches_the_sform()
    {
        using var temp = new TempFolder();
        var original = Sample();
        VolumeIO.WriteNifti(original, temp.File("q.nii"));

        var header = NiftiReader.ReadHeader(temp.File("q.nii"));
        var qform = NiftiAffine.FromQform(header);

        Assert.Equal(2, header.QformCode);
        Assert.Equal(2, header.SformCode);
        Assert.Equal(-1, header.PixDim[0]);
        for (var r = 0; r < 3; r++)
            for (var col = 0; col < 4; col++) Assert.Equal(original.Affine[r, col], qform[r, col], 4);
    }

    [Fact]
    public void Given_the_hdr_img_pair_and_the_nii_gz_of_one_volume_When_both_are_read_Then_they_are_identical()
    {
        using var temp = new TempFolder();
        var builder = new RawNiftiBuilder { DataType = 4, BitPix = 16, Dim = [3, 3, 2, 2, 1, 1, 1, 1], SformCode = 1, SRow = [2, 0, 0, -3, 0, 3, 0, -2, 0, 0, 4, -1] };
        builder.Voxels = builder.Encode(4, Enumerable.Range(0, 12).Select(i => (double)(i * 7 - 30)).ToArray());

        var pair = VolumeIO.Read(builder.WritePair(temp.File("a.hdr")));
        var gz = VolumeIO.Read(builder.WriteNii(temp.File("a.nii.gz")));
        var viaImg = VolumeIO.Read(temp.File("a.img"));

        Assert.Equal(gz.Data, pair.Data);
        Assert.Equal(gz.Affine, pair.Affine);
        Assert.Equal(gz.Data, viaImg.Data);
    }
}
