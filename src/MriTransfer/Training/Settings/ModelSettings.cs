using MriTransfer.Models;

namespace MriTransfer.Training.Settings;

/// <summary>
/// Params <c>model.*</c>, shared by Pretrain and every classifier stage so they build the same encoder:
/// channels (int list, default [4, 8, 16]; its length is the depth), norm (batch|instance|group, default batch),
/// norm_groups (int 1..1024, default 4), activation (relu|leaky_relu|elu|gelu|silu, default relu),
/// head_hidden (int list, default [16]), dropout (0 ≤ p &lt; 1, default 0.3).
/// </summary>
public sealed record ModelSettings(
    IReadOnlyList<int> Channels, string Norm, int NormGroups, string Activation, IReadOnlyList<int> HeadHidden, double Dropout)
{
    public static readonly IReadOnlyList<int> DefaultChannels = [4, 8, 16];
    public static readonly IReadOnlyList<int> DefaultHeadHidden = [16];

    public static ModelSettings Read(ParamReader p)
    {
        var settings = new ModelSettings(
            p.IntList("model.channels", DefaultChannels),
            p.Choice("model.norm", "batch", EncoderArchitecture.Norms),
            p.Int("model.norm_groups", 4, 1, 1024),
            p.Choice("model.activation", "relu", EncoderArchitecture.Activations),
            p.IntList("model.head_hidden", DefaultHeadHidden),
            p.Double("model.dropout", 0.3, 0, 0.99));
        // Check the combination now (e.g. norm_groups against the widths), so every problem is reported together.
        try { settings.Architecture(3); } catch (ModelConfigurationException e) { p.Problem(e.Message); }
        try { settings.Head(2); } catch (ModelConfigurationException e) { p.Problem(e.Message); }
        return settings;
    }

    public EncoderArchitecture Architecture(int spatialDims) =>
        EncoderArchitecture.Create(spatialDims, Channels, Norm, Activation, NormGroups);

    public ClassifierHeadSpec Head(int classes) => ClassifierHeadSpec.Create(HeadHidden, Dropout, classes);
}
