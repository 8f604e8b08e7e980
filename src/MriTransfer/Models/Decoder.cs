using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// Mirrors the encoder, doubling every axis per block, deepest first; linear output (intensities are z-scores).
/// Plain: block i goes from width c_i to c_{i-1} (c_0 for the last), then a 1×1 convolution maps back to the input
/// channels. Strided (the lighter decoder): blocks c_i → c_{i-1} for i ≥ 1, then one stride-2 transposed convolution
/// c_0 → input channels, so no convolution runs at full resolution.
/// </summary>
public sealed class Decoder : Module<Tensor, Tensor>
{
    private readonly ModuleList<DecoderBlock> blocks;
    private readonly Module<Tensor, Tensor> output;

    public Decoder(EncoderArchitecture architecture) : base(nameof(Decoder))
    {
        var widths = architecture.Channels;
        blocks = new ModuleList<DecoderBlock>();
        var last = architecture.IsStrided ? 1 : 0;
        for (var i = widths.Count - 1; i >= last; i--)
            blocks.Add(new DecoderBlock(architecture, widths[i], widths[Math.Max(i - 1, 0)]));
        output = architecture.IsStrided
            ? Layers.UpConv(architecture.SpatialDims, widths[0], architecture.InChannels)
            : Layers.Conv(architecture.SpatialDims, widths[0], architecture.InChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        foreach (var block in blocks) x = block.forward(x);
        return output.forward(x);
    }
}
