using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MriTransfer.Models;

/// <summary>
/// encoder → readout (<see cref="ReadoutSpec"/>: gap, gap_gmp, multiscale, flatten or attention) → fixed feature
/// standardisation → dropout → MLP head → class logits. State-dict keys: <c>encoder.*</c> (same as
/// <see cref="Autoencoder"/>'s, so an exported encoder loads here), <c>readout.*</c> (attention only) and <c>head.*</c>
/// (<c>head.norm.mean</c>, <c>head.norm.scale</c>, <c>head.dropout</c>, <c>head.hidden{i}.*</c>, <c>head.act{i}</c>,
/// <c>head.output.*</c>). The standardisation matters for a frozen encoder: its pooled features differ between subjects
/// by a few hundredths around channel means of up to ±0.8 (measured on the default run), so without it the head and its
/// dropout see almost constant inputs; it is set once from the training features (<see cref="FitStandardizer"/>), never
/// from a batch.
/// </summary>
public sealed class EncoderClassifier : Module<Tensor, Tensor>
{
    private readonly Encoder encoder;
    private readonly Readout readout;
    private readonly Sequential head;

    public EncoderClassifier(EncoderArchitecture architecture, ClassifierHeadSpec headSpec, ReadoutSpec? readoutSpec = null) : base(nameof(EncoderClassifier))
    {
        Architecture = architecture;
        HeadSpec = headSpec;
        ReadoutSpec = readoutSpec ?? ReadoutSpec.Gap;
        encoder = new Encoder(architecture);
        readout = new Readout(ReadoutSpec, architecture);
        long width = ReadoutSpec.Width(architecture);
        var layers = new List<(string, Module<Tensor, Tensor>)> { ("norm", new FeatureStandardizer(width)), ("dropout", Dropout(headSpec.Dropout)) };
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
    public ReadoutSpec ReadoutSpec { get; }
    public Encoder Encoder => encoder;
    public Readout Readout => readout;
    public Module Head => head;

    public override Tensor forward(Tensor x) => FromPooled(Pooled(x));

    /// <summary>The parameter-free part of the forward pass (encoder → <see cref="Models.Readout.Pool"/>): what a frozen arm caches.</summary>
    public Tensor Pooled(Tensor x) => readout.Pool(encoder.ForwardBlocks(x));

    /// <summary>The rest of the forward pass: learned readout (attention) → head.</summary>
    public Tensor FromPooled(Tensor pooled) => head.forward(readout.forward(pooled));

    /// <summary>Readout features (N, width) before the head's standardisation.</summary>
    public Tensor Features(Tensor x) => readout.forward(Pooled(x));

    /// <summary>Sets the head's standardisation from readout features of the training samples (N, width).</summary>
    public void FitStandardizer(Tensor features) =>
        head.named_children().Select(c => c.module).OfType<FeatureStandardizer>().Single().Fit(features);
}
