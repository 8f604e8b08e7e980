using MriTransfer.Cohorts.Synthetic;
using MriTransfer.Randomness;

namespace MriTransfer.Tests.Randomness;

/// <summary>
/// The draws of every stream are pinned to the values the three generators gave before they became one
/// (Cohorts/Splitting, Cohorts/Synthetic and Training/Seeds): splits, synthetic cohorts and training streams must not move.
/// </summary>
public class SeededRandomTests
{
    [Fact]
    public void A_split_stream_draws_what_the_splitting_generator_drew()
    {
        var rng = SeededRandom.ForSplits(42, "glioma/split");

        Assert.Equal(1539882036839900362UL, rng.NextUInt64());
        Assert.Equal(9900230499976523054UL, rng.NextUInt64());
        Assert.Equal(4, rng.Below(7));
        Assert.Equal([7, 2, 9, 3, 4, 5, 1, 0, 8, 6], rng.Shuffle(Enumerable.Range(0, 10)));
        Assert.Equal(6978537022516115442UL, SeededRandom.ForSplits(-5, "x/fractions").NextUInt64());
    }

    [Fact]
    public void A_synthesis_stream_draws_what_the_synthetic_generator_drew()
    {
        var rng = SeededRandom.ForSynthesis(20251126, "bt-patient", 3);

        Assert.Equal(11759462206424709348UL, rng.NextUInt64());
        Assert.Equal(0.8195936428393501, rng.NextDouble());
        Assert.Equal(2, (int)rng.Uniform(0, 3));
        Assert.Equal(-0.2657536182310736, rng.Normal(1, 2));
        Assert.Equal((-0.40532647512478887, -0.41582430468366366), rng.NormalPair(0.5));
        Assert.Equal(2.8127398378832185, rng.Uniform(2, 5));
        var unit = Vec3.RandomUnit(rng);
        Assert.Equal((-0.7393273269332821, 0.6446976522521946, -0.19431942988336548), (unit.X, unit.Y, unit.Z));
        Assert.Equal(8139676360508823350UL, SeededRandom.ForSynthesis(-7, "ad", 11).NextUInt64());
    }

    [Fact]
    public void Training_seeds_are_derived_as_before()
    {
        Assert.Equal(1346580567291540490L, Seeds.Derive(0, Seeds.DataOrder, epoch: 2, batch: 3));
        Assert.Equal(2046439656972365751L, Seeds.Derive(-9, Seeds.Weights));
        Assert.Equal(0.2545090281658382, Seeds.Random(7, Seeds.Augmentation, 1, 4).NextDouble());
    }
}
