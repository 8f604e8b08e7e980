using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Imaging;
using MriTransfer.Randomness;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts.Synthetic;

public sealed class HeadTemplateTests
{
    /// <summary>A 48³ × 4 mm template: a ball of radius 60 mm and intensity 100, centred at world (10, -5, 0).</summary>
    private static string BallTemplate(TempFolder temp)
    {
        var volume = Volume.Create(48, 48, 48, 4, 4, 4);
        for (var a = 0; a < 3; a++) volume.Affine[a, 3] = -94;
        for (var z = 0; z < 48; z++)
            for (var y = 0; y < 48; y++)
                for (var x = 0; x < 48; x++)
                {
                    double wx = x * 4 - 94 - 10, wy = y * 4 - 94 + 5, wz = z * 4 - 94;
                    volume[x, y, z] = wx * wx + wy * wy + wz * wz <= 60 * 60 ? 100 : 0;
                }
        var path = temp.File("ball.nii.gz");
        VolumeIO.WriteNifti(volume, path);
        return path;
    }

    [Fact]
    public void Given_a_ball_template_When_loaded_Then_its_centre_and_radii_are_measured_from_the_mask()
    {
        using var temp = new TempFolder();

        var template = HeadTemplate.Load(BallTemplate(temp));

        Assert.InRange(template.Centre.X, 8, 12);
        Assert.InRange(template.Centre.Y, -7, -3);
        Assert.InRange(template.Radii.X, 54, 62);
        Assert.Equal(1.0, template.Sample(new Vec3(10, -5, 0)), 6);
        Assert.Equal(0.0, template.Sample(new Vec3(10, -5, 90)), 6);
    }

    [Fact]
    public void Given_a_template_When_a_subject_is_rendered_Then_its_intensities_come_from_the_template_through_the_contrast()
    {
        using var temp = new TempFolder();
        var template = HeadTemplate.Load(BallTemplate(temp));
        var head = HeadAnatomy.Random(new SeededRandom(1), 0, 0, template);
        var contrast = TissueContrast.T1(new SeededRandom(2), 1);
        var subject = new PhantomSubject(head, contrast, null, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new Vec3(0, 0, 0), new double[6], 0, 1, template);

        var volume = PhantomRenderer.Render(subject, [32, 32, 32], 6);

        // 42 mm right of the centre: inside the ball, far from every painted structure.
        var inside = volume[(int)Math.Round(15.5 + 42 / 6.0), 16, 16];
        Assert.Equal(Math.Round(contrast.Gain * contrast.White), inside, 0);
        Assert.Equal(0f, volume[0, 0, 0]);
    }
}
