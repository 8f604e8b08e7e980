using MriTransfer.Reporting;
using MriTransfer.Tests.Training;

namespace MriTransfer.Tests.Reporting;

public class ReconstructionCaptionTests
{
    private static string PretrainDir(TempDir temp, string? augment)
    {
        var dir = temp.Sub("Pretrain");
        Directory.CreateDirectory(dir);
        var augmentJson = augment is null ? "" : $"\"augment\": {augment},";
        File.WriteAllText(Path.Combine(dir, "model.json"),
            $$"""{ "kind": "autoencoder", "variant": { "kind": "denoising" }, {{augmentJson}} "epochs_run": 19 }""");
        return dir;
    }

    [Fact]
    public void Given_an_autoencoder_trained_on_linearly_resampled_volumes_when_captioned_then_the_reader_learns_why_it_is_smooth_and_what_to_change()
    {
        using var temp = new TempDir();
        var dir = PretrainDir(temp, """{ "flip": true, "rotate_degrees": 5, "scale": 0.05, "shift": 0.03, "intensity": 0.1, "interpolation": "linear" }""");

        var caption = ReconstructionCaption.Of(dir);

        Assert.NotNull(caption);
        Assert.Contains("(denoising, 19 epochs)", caption);
        Assert.Contains("rotated up to 5°, zoomed up to 5 %, shifted up to 3 % of the field with linear resampling", caption);
        Assert.Contains("smooths one-voxel edges", caption);
        Assert.Contains("pretrain.augment.interpolation: nearest", caption);
    }

    [Fact]
    public void Given_nearest_resampling_or_no_spatial_augmentation_when_captioned_then_it_says_the_targets_keep_their_edges()
    {
        using var temp = new TempDir();
        var nearest = ReconstructionCaption.Of(PretrainDir(temp, """{ "flip": true, "rotate_degrees": 5, "scale": 0.05, "shift": 0.03, "intensity": 0.1, "interpolation": "nearest" }"""));
        using var temp2 = new TempDir();
        var none = ReconstructionCaption.Of(PretrainDir(temp2, """{ "flip": true, "rotate_degrees": 0, "scale": 0, "shift": 0, "intensity": 0.1, "interpolation": "linear" }"""));

        Assert.Contains("nearest-neighbour resampling, which keeps one-voxel edges", nearest);
        Assert.DoesNotContain("smooths", nearest);
        Assert.Contains("never resampled", none);
        Assert.DoesNotContain("smooths", none);
    }

    [Fact]
    public void Given_a_model_json_from_before_the_augment_key_or_none_at_all_when_captioned_then_there_is_no_caption()
    {
        using var temp = new TempDir();
        Assert.Null(ReconstructionCaption.Of(PretrainDir(temp, augment: null)));
        Assert.Null(ReconstructionCaption.Of(temp.Sub("missing")));
    }

    [Theory]
    [InlineData("""{ "flip": true, "rotate_degrees": 5, "scale": 0.05, "intensity": 0.1, "interpolation": "linear" }""")]
    [InlineData("""{ "flip": true, "rotate_degrees": "five", "scale": 0.05, "shift": 0.03, "intensity": 0.1, "interpolation": "linear" }""")]
    public void Given_an_augment_record_missing_a_key_or_of_the_wrong_type_when_captioned_then_there_is_no_caption_and_no_crash(string augment)
    {
        using var temp = new TempDir();
        Assert.Null(ReconstructionCaption.Of(PretrainDir(temp, augment)));
    }
}
