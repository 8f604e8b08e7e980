using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Imaging;
using MriTransfer.Randomness;
using MriTransfer.Tests.Imaging;

namespace MriTransfer.Tests.Cohorts;

public sealed class NearDuplicateFinderTests
{
    private static readonly SyntheticCohortSettings Small = TestSettings.Synthesis with { Seed = 11, AdSubjects = 6, BtSubjects = 4, Shape = [32, 32, 32], SpacingMm = 6 };

    [Fact]
    public void Given_a_copy_with_rescaled_intensities_and_noise_When_searched_Then_the_pair_forms_one_group()
    {
        using var temp = new TempFolder();
        var subjects = new List<CohortSubject>();
        for (var i = 0; i < 4; i++)
        {
            var volume = PhantomRenderer.Render(AdCohortPlan.Scan(Small, i).Phantom, Small.Shape, Small.SpacingMm);
            var path = temp.File($"s{i}.nii");
            VolumeIO.WriteNifti(volume, path);
            subjects.Add(new CohortSubject($"s{i}", path, "CN", $"s{i}"));
        }
        var copy = VolumeIO.Read(subjects[2].Path);
        var rng = new SeededRandom(3);
        var altered = copy.WithData(copy.Data.Select(v => 1.7f * v + 5 + (float)rng.Normal(0, 3)).ToArray());
        VolumeIO.WriteNifti(altered, temp.File("copy.nii.gz"));
        subjects.Add(new CohortSubject("copy-of-s2", temp.File("copy.nii.gz"), "AD", "x"));

        var groups = NearDuplicateFinder.Find(subjects);

        Assert.Equal(["copy-of-s2", "s2"], Assert.Single(groups));
    }

    [Fact]
    public void Given_hashes_When_grouped_Then_groups_are_connected_components_within_the_distance()
    {
        var groups = NearDuplicateFinder.Group(["a", "b", "c", "d"], [0b0000UL, 0b0011UL, 0b1111UL, 0xFFFF_0000_0000_0000UL], maxDistance: 2);

        Assert.Equal(["a", "b", "c"], Assert.Single(groups));
    }
}
