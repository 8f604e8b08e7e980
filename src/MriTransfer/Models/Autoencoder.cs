using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// Encoder → decoder, reconstructing its input at the same shape. State-dict keys: <c>encoder.*</c> (exactly the
/// <see cref="Models.Encoder"/> keys, so exporting is saving that field) and <c>decoder.*</c>.
/// </summary>
public sealed class Autoencoder : Module<Tensor, Tensor>
{
    private readonly Encoder encoder;
    private readonly Decoder decoder;

    public Autoencoder(EncoderArchitecture architecture, AutoencoderVariant variant) : base(nameof(Autoencoder))
    {
        Architecture = architecture;
        Variant = variant;
        encoder = new Encoder(architecture);
        decoder = new Decoder(architecture);
        RegisterComponents();
    }

    public EncoderArchitecture Architecture { get; }
    public AutoencoderVariant Variant { get; }
    public Encoder Encoder => encoder;

    public override Tensor forward(Tensor x) => decoder.forward(encoder.forward(x));

    /// <summary>The training input for this variant (noise or blanked cubes drawn from <paramref name="generator"/>).</summary>
    public Tensor Corrupt(Tensor clean, Generator generator)
    {
        switch (Variant.Kind)
        {
            case "denoising":
                return clean + randn(clean.shape, generator: generator) * Variant.NoiseStd;
            case "masked":
                var spatial = clean.shape.Skip(2).ToArray();
                var cube = Variant.MaskCube;
                var coarse = new[] { clean.shape[0], 1L }.Concat(spatial.Select(n => (n + cube - 1) / cube)).ToArray();
                var keep = (rand(coarse, generator: generator) >= Variant.MaskRatio).to_type(ScalarType.Float32);
                for (var axis = 2; axis < coarse.Length; axis++)
                    keep = keep.repeat_interleave(cube, axis).narrow(axis, 0, spatial[axis - 2]);
                return clean * keep;
            default:
                return clean.alias();
        }
    }
}
