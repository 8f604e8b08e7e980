using MriTransfer.Imaging;
using MriTransfer.Models;
using MriTransfer.Tests.Training;
using static TorchSharp.torch;

namespace MriTransfer.Tests.Models;

[Collection(MriTransfer.Tests.Training.TorchCollection.Name)]
public class CheckpointTests
{
    [Theory]
    [InlineData(3, "batch")]
    [InlineData(2, "group")]
    public void A_saved_autoencoder_loads_into_a_fresh_one_with_identical_outputs(int dims, string norm)
    {
        using var temp = new TempDir();
        var architecture = EncoderArchitecture.Create(dims, [4, 8], norm: norm, normGroups: 2);
        var path = Path.Combine(temp.Path, "ae.pt");
        using var scope = NewDisposeScope();
        var input = randn(new long[] { 2, 1 }.Concat(Enumerable.Repeat(16L, dims)).ToArray());
        manual_seed(1);
        using var saved = new Autoencoder(architecture, AutoencoderVariant.Plain);
        saved.eval();
        ModelFiles.Save(saved, path);

        manual_seed(2);
        using var loaded = new Autoencoder(architecture, AutoencoderVariant.Plain);
        ModelFiles.Load(loaded, path);
        loaded.eval();

        var a = saved.forward(input);
        var b = loaded.forward(input);
        var again = saved.forward(input);
        Assert.True(a.equal(b).all().item<bool>(),
            $"max |saved - loaded| = {(a - b).abs().max().item<float>()}, max |saved - saved again| = {(a - again).abs().max().item<float>()}");
    }

    [Fact]
    public void An_exported_encoder_loaded_into_a_classifier_gives_bit_identical_encoder_outputs()
    {
        using var temp = new TempDir();
        var architecture = EncoderArchitecture.Create(3, [4, 8]);
        using var scope = NewDisposeScope();
        var input = randn(new long[] { 2, 1, 16, 16, 16 });
        manual_seed(3);
        using var autoencoder = new Autoencoder(architecture, AutoencoderVariant.Plain);
        autoencoder.train();
        autoencoder.forward(input); // moves the batch-norm running statistics away from their initial values
        autoencoder.eval();
        EncoderFiles.Save(autoencoder.Encoder, temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, EncoderFiles.CardFile), new System.Text.Json.Nodes.JsonObject { ["architecture"] = architecture.ToJson() }.ToJsonString());

        manual_seed(4);
        using var classifier = new EncoderClassifier(architecture, ClassifierHeadSpec.Create([8], 0, 2));
        EncoderFiles.LoadInto(classifier.Encoder, temp.Path);
        classifier.eval();

        Assert.True(autoencoder.Encoder.forward(input).equal(classifier.Encoder.forward(input)).all().item<bool>());
    }

    [Fact]
    public void The_autoencoder_overfits_a_tiny_batch()
    {
        // Given four 16³ volumes and a small autoencoder
        using var scope = NewDisposeScope();
        manual_seed(5);
        set_num_threads(1);
        var batch = randn(new long[] { 4, 1, 16, 16, 16 }).mul(0.1).add(linspace(-1, 1, 16).reshape(1, 1, 1, 1, 16));
        using var model = new Autoencoder(EncoderArchitecture.Create(3, [8, 16]), AutoencoderVariant.Plain);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        var initial = nn.functional.mse_loss(model.forward(batch), batch).item<float>();

        // When it trains on that batch alone
        float loss = initial;
        for (var step = 0; step < 60; step++)
        {
            using var stepScope = NewDisposeScope();
            var l = nn.functional.mse_loss(model.forward(batch), batch);
            optimizer.zero_grad();
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }

        // Then its reconstruction error falls well below the data's variance
        Assert.True(loss < 0.1 * batch.var().item<float>(), $"loss {loss} (initial {initial}, variance {batch.var().item<float>()})");
    }
}
