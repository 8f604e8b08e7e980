using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// N encoder blocks: (N, C_in, S…) → (N, C_last, S…/2^N). State-dict keys: <c>blocks.{i}.conv1.conv.weight</c>, …
/// (pinned by a test; renaming a field breaks every exported encoder).
/// </summary>
public sealed class Encoder : Module<Tensor, Tensor>
{
    private readonly ModuleList<EncoderBlock> blocks;

    public Encoder(EncoderArchitecture architecture) : base(nameof(Encoder))
    {
        Architecture = architecture;
        var widths = architecture.Channels;
        blocks = new ModuleList<EncoderBlock>();
        for (var i = 0; i < widths.Count; i++)
            blocks.Add(new EncoderBlock(architecture, i == 0 ? architecture.InChannels : widths[i - 1], widths[i]));
        RegisterComponents();
    }

    public EncoderArchitecture Architecture { get; }

    /// <summary>The blocks, shallowest first (FineTune unfreezes the last K).</summary>
    public IReadOnlyList<EncoderBlock> Blocks => blocks.ToList();

    public override Tensor forward(Tensor x)
    {
        foreach (var block in blocks) x = block.forward(x);
        return x;
    }

    /// <summary>Every block's output, shallowest first (the last one is <see cref="forward"/>'s result).</summary>
    public IReadOnlyList<Tensor> ForwardBlocks(Tensor x)
    {
        var outputs = new List<Tensor>(blocks.Count);
        foreach (var block in blocks) outputs.Add(x = block.forward(x));
        return outputs;
    }
}
