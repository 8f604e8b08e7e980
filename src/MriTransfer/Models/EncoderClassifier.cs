using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// encoder → global average pool → batch norm → dropout → MLP head → class logits. State-dict keys: <c>encoder.*</c>
/// (same as <see cref="Autoencoder"/>'s, so an exported encoder loads here) and <c>head.*</c> (<c>head.norm.*</c>,
/// <c>head.dropout</c>, <c>head.hidden{i}.*</c>, <c>head.act{i}</c>, <c>head.output.*</c>). The norm matters for a frozen
/// encoder: its pooled features differ between subjects by a few hundredths around channel means of up to ±0.8 (measured on
/// the default run), so without standardising them the head and its dropout see almost constant inputs.
/// </summary>
public sealed class EncoderClassifier : Module<Tensor, Tensor>
{
    private readonly Encoder encoder;
    private readonly Sequential head;

    public EncoderClassifier(EncoderArchitecture architecture, ClassifierHeadSpec headSpec) : base(nameof(EncoderClassifier))
    {
        Architecture = architecture;
        HeadSpec = headSpec;
        encoder = new Encoder(architecture);
        long width = architecture.FeatureChannels;
        var layers = new List<(string, Module<Tensor, Tensor>)> { ("norm", BatchNorm1d(width)), ("dropout", Dropout(headSpec.Dropout)) };
        for (var i = 0; i < headSpec.Hidden.Count; i++)
        {
            layers.Add(($"hidden{i}", Linear(width, headSpec.Hidden[i])));
            layers.Add(($"act{i}", Layers.Activation(architecture.Activation)));
            width = headSpec.Hidden[i];
        }
        layers.Add(("output", Linear(width, headSpec.Classes)));
        head = Sequential(layers);
        RegisterComponents();
    }

    public EncoderArchitecture Architecture { get; }
    public ClassifierHeadSpec HeadSpec { get; }
    public Encoder Encoder => encoder;
    public Module Head => head;

    public override Tensor forward(Tensor x) => head.forward(Layers.GlobalAveragePool(encoder.forward(x)));

    /// <summary>Pooled encoder features (N, C_last), without the head.</summary>
    public Tensor Features(Tensor x) => Layers.GlobalAveragePool(encoder.forward(x));
}
