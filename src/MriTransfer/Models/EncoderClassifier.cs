using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// encoder → global average pool → dropout → MLP head → class logits. State-dict keys: <c>encoder.*</c> (same as
/// <see cref="Autoencoder"/>'s, so an exported encoder loads here) and <c>head.*</c>
/// (<c>head.dropout</c>, <c>head.hidden{i}.*</c>, <c>head.act{i}</c>, <c>head.output.*</c>).
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
        var layers = new List<(string, Module<Tensor, Tensor>)> { ("dropout", Dropout(headSpec.Dropout)) };
        long width = architecture.FeatureChannels;
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
