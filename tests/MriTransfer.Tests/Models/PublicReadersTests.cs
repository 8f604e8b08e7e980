using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Tests.Training;

namespace MriTransfer.Tests.Models;

/// <summary>The entry points Evaluate/Report call: pooled encoder features and autoencoder reconstructions.</summary>
[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class PublicReadersTests(TransferPipeline pipeline) : IClassFixture<TransferPipeline>
{
    [Fact]
    public void Encoder_features_are_one_vector_of_the_last_width_per_volume()
    {
        var volumes = new[] { "sub-000", "sub-001" }.Select(id => VolumeIO.Read(Path.Combine(pipeline.Ad.Root, "subjects", id + ".nii.gz"))).ToList();

        var features = EncoderFeatures.Extract(pipeline.EncoderDir, volumes);

        Assert.Equal(2, features.Length);
        Assert.All(features, f => Assert.Equal(8, f.Length));
        Assert.NotEqual(features[0], features[1]);
    }

    [Fact]
    public void A_reconstruction_has_the_shape_and_geometry_of_its_input()
    {
        var volume = VolumeIO.Read(Path.Combine(pipeline.Ad.Root, "subjects", "sub-000.nii.gz"));

        var reconstruction = AutoencoderReconstruction.Reconstruct(pipeline.PretrainDir, volume);

        Assert.Equal(volume.Shape, reconstruction.Shape);
        Assert.Equal(volume.Spacing, reconstruction.Spacing);
        Assert.NotEqual(volume.Data, reconstruction.Data);
    }

    [Fact]
    public void The_model_card_documents_the_safetensors_keys_and_the_training_data_fingerprint()
    {
        var card = EncoderFiles.ReadCard(pipeline.EncoderDir);

        Assert.Equal(SafetensorsHeader.ReadShapes(Path.Combine(pipeline.EncoderDir, EncoderFiles.SafetensorsFile)).Keys.Order(),
            card["state_dict_keys"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.Equal(MriTransfer.Training.Fingerprint.OfFile(Path.Combine(pipeline.Ad.Root, "index.csv")),
            (string)card["training_data_fingerprint"]!["ad_index_csv_sha256"]!);
        Assert.NotNull(card["final_val_loss"]);
    }
}
