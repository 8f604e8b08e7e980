using MriTransfer.Imaging;

namespace MriTransfer.Tests.Imaging;

public sealed class NiftiAffineTests
{
    private static double[,] ReadAffine(RawNiftiBuilder builder)
    {
        using var temp = new TempFolder();
        builder.Dim = [3, 2, 2, 2, 1, 1, 1, 1];
        builder.Voxels = builder.Encode(16, new double[8]);
        return VolumeIO.Read(builder.WriteNii(temp.File("affine.nii"))).Affine;
    }

    private static void AssertAffine(double[,] expected, double[,] actual)
    {
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++) Assert.True(Math.Abs(expected[r, c] - actual[r, c]) < 1e-5, $"affine[{r},{c}]: expected {expected[r, c]}, got {actual[r, c]}");
    }

    [Fact]
    public void Given_only_pixdim_When_read_Then_the_affine_is_the_pixdim_diagonal_at_the_origin()
    {
        var affine = ReadAffine(new RawNiftiBuilder { PixDim = [1, 2, 3, 4, 1, 1, 1, 1] });

        AssertAffine(new double[,] { { 2, 0, 0, 0 }, { 0, 3, 0, 0 }, { 0, 0, 4, 0 }, { 0, 0, 0, 1 } }, affine);
    }

    [Fact]
    public void Given_a_qform_of_90_degrees_about_z_with_qfac_minus_one_When_read_Then_the_hand_computed_affine_results()
    {
        // q = (cos 45°, 0, 0, sin 45°): R = [[0,-1,0],[1,0,0],[0,0,1]]; zooms (2, 3, -4) because qfac = -1.
        var d = Math.Sin(Math.PI / 4);
        var affine = ReadAffine(new RawNiftiBuilder { QformCode = 1, Quatern = [0, 0, d], QOffset = [5, 6, 7], PixDim = [-1, 2, 3, 4, 1, 1, 1, 1] });

        AssertAffine(new double[,] { { 0, -3, 0, 5 }, { 2, 0, 0, 6 }, { 0, 0, -4, 7 }, { 0, 0, 0, 1 } }, affine);
    }

    [Fact]
    public void Given_a_180_degree_qform_whose_a_is_zero_When_read_Then_b_c_d_alone_define_the_rotation()
    {
        // q = (0, 1, 0, 0): rotation by 180° about x: R = diag(1, -1, -1).
        var affine = ReadAffine(new RawNiftiBuilder { QformCode = 1, Quatern = [1, 0, 0], PixDim = [1, 1, 1, 1, 1, 1, 1, 1] });

        AssertAffine(new double[,] { { 1, 0, 0, 0 }, { 0, -1, 0, 0 }, { 0, 0, -1, 0 }, { 0, 0, 0, 1 } }, affine);
    }

    [Fact]
    public void Given_both_sform_and_qform_When_read_Then_the_sform_wins()
    {
        var affine = ReadAffine(new RawNiftiBuilder
        {
            SformCode = 2, SRow = [0, 0, 1.5, -10, 2, 0, 0, -20, 0, 2.5, 0, -30],
            QformCode = 1, Quatern = [0, 0, 1], PixDim = [1, 9, 9, 9, 1, 1, 1, 1],
        });

        AssertAffine(new double[,] { { 0, 0, 1.5, -10 }, { 2, 0, 0, -20 }, { 0, 2.5, 0, -30 }, { 0, 0, 0, 1 } }, affine);
    }

    [Fact]
    public void Given_a_sform_code_of_zero_When_read_Then_the_sform_rows_are_ignored_for_the_qform()
    {
        var affine = ReadAffine(new RawNiftiBuilder { SformCode = 0, SRow = [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9], QformCode = 2, PixDim = [1, 2, 2, 2, 1, 1, 1, 1], QOffset = [1, 2, 3] });

        AssertAffine(new double[,] { { 2, 0, 0, 1 }, { 0, 2, 0, 2 }, { 0, 0, 2, 3 }, { 0, 0, 0, 1 } }, affine);
    }
}
