using MriTransfer.Imaging;
using MriTransfer.Preprocessing;

namespace MriTransfer.Tests.Preprocessing;

public class ReorientationTests
{
    private static Volume WithMarker(double[,] affine)
    {
        var volume = TestVolumes.WithAffine(4, 5, 6, affine);
        volume[1, 2, 3] = 7;
        return volume;
    }

    private static (int X, int Y, int Z) MarkerOf(Volume volume)
    {
        var index = Array.IndexOf(volume.Data, 7f);
        return (index % volume.Nx, index / volume.Nx % volume.Ny, index / (volume.Nx * volume.Ny));
    }

    public static TheoryData<string, double[,], int[], int[]> Orientations => new()
    {
        // name, affine, expected shape, expected marker voxel
        { "LPS", new double[,] { { -1, 0, 0, 10 }, { 0, -1, 0, 20 }, { 0, 0, 1, -5 }, { 0, 0, 0, 1 } }, [4, 5, 6], [2, 2, 3] },
        { "LAS", new double[,] { { -2, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1.5, 0 }, { 0, 0, 0, 1 } }, [4, 5, 6], [2, 2, 3] },
        { "ALS (oblique, 30° about S)", Oblique(), [5, 4, 6], [2, 1, 3] },
        { "RAS", Volume.DiagonalAffine(1, 1, 1), [4, 5, 6], [1, 2, 3] },
    };

    /// <summary>Voxel axis 0 points mostly anterior, axis 1 mostly left, axis 2 superior; rotated 30° in the axial plane.</summary>
    private static double[,] Oblique()
    {
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        return new double[,] { { -s, -c, 0, 3 }, { c, -s, 0, -4 }, { 0, 0, 2, 1 }, { 0, 0, 0, 1 } };
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Given_a_volume_in_any_orientation_when_reoriented_then_the_marker_lands_in_the_RAS_voxel_and_keeps_its_world_position(
        string name, double[,] affine, int[] expectedShape, int[] expectedMarker)
    {
        // Given a volume with one marked voxel
        var volume = WithMarker(affine);

        // When it is reoriented to the closest canonical orientation
        var ras = Reorientation.ToClosestCanonical(volume);

        // Then its axes run R, A, S, the marker is where the permutation/flips put it, and its world position is unchanged
        Assert.Equal("RAS", Reorientation.Code(ras.Affine));
        Assert.Equal(expectedShape, ras.Shape);
        var marker = MarkerOf(ras);
        Assert.Equal((expectedMarker[0], expectedMarker[1], expectedMarker[2]), marker);
        var before = TestVolumes.World(affine, 1, 2, 3);
        var after = TestVolumes.World(ras.Affine, marker.X, marker.Y, marker.Z);
        for (var i = 0; i < 3; i++) Assert.Equal(before[i], after[i], 9);
        Assert.NotEmpty(name);
    }

    [Theory]
    [InlineData(new double[] { -1, -1, 1 }, "LPS")]
    [InlineData(new double[] { -1, 1, 1 }, "LAS")]
    [InlineData(new double[] { 1, 1, -1 }, "RAI")]
    public void Given_a_diagonal_affine_when_coded_then_the_axis_codes_match_nibabel(double[] signs, string expected)
    {
        var code = Reorientation.Code(Volume.DiagonalAffine(signs[0], signs[1], signs[2]));

        Assert.Equal(expected, code);
    }

    [Fact]
    public void Given_a_singular_affine_when_reoriented_then_it_is_refused_with_a_message_saying_so()
    {
        // Given an affine whose first two voxel axes point the same way
        var affine = new double[,] { { 1, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };

        var error = Assert.Throws<PreprocessingException>(() => Reorientation.ToClosestCanonical(TestVolumes.WithAffine(2, 2, 2, affine)));

        Assert.Contains("affine is singular", error.Message);
    }

    [Fact]
    public void Given_an_affine_with_a_NaN_when_reoriented_then_it_is_refused_naming_the_element()
    {
        var affine = Volume.DiagonalAffine(1, 1, 1);
        affine[1, 3] = double.NaN;

        var error = Assert.Throws<PreprocessingException>(() => Reorientation.ToClosestCanonical(TestVolumes.WithAffine(2, 2, 2, affine)));

        Assert.Contains("affine is not finite: element [1,3]", error.Message);
    }
}
