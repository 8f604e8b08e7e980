using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// Mirrors the encoder: block i (deepest first) goes from width c_i to c_{i-1} (c_0 for the last) while doubling
/// every axis; a final 1×1 convolution maps back to the input channels (linear output: intensities are z-scores).
/// </summary>
public sealed class Decoder : Module<Tensor, Tensor>
{
    private readonly ModuleList<DecoderBlock> blocks;
    private readonly Module<Tensor, Tensor> output;

    public Decoder(EncoderArchitecture architecture) : base(nameof(Decoder))
    {
        var widths = architecture.Channels;
        blocks = new ModuleList<DecoderBlock>();
        for (var i = widths.Count - 1; i >= 0; i--)
            blocks.Add(new DecoderBlock(architecture, widths[i], widths[Math.Max(i - 1, 0)]));
        output = Layers.Conv(architecture.SpatialDims, widths[0], architecture.InChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        foreach (var block in blocks) x = block.forward(x);
        return output.forward(x);
    }
}
