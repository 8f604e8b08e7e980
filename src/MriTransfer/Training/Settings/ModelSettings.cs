using MriTransfer.Models;

namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>model.*</c> as every classifier stage reads it: the encoder (<see cref="EncoderSettings"/>'s keys), how the
/// classifier reads it (<c>model.readout</c>), the head's hidden sizes and dropout.
/// Combinations the schema cannot check (group counts against widths) are checked when the model is built.
/// </summary>
public sealed record ModelSettings(
    IReadOnlyList<int> Channels, string Block, string Norm, int NormGroups, string Activation, string Readout, IReadOnlyList<int> HeadHidden,
    double Dropout)
{
    public EncoderArchitecture Architecture(int spatialDims) =>
        new EncoderSettings(Channels, Block, Norm, NormGroups, Activation).Architecture(spatialDims);

    public ClassifierHeadSpec Head(int classes) => ClassifierHeadSpec.Create(HeadHidden, Dropout, classes);
}

/// <summary>
/// The encoder's keys of <c>model.*</c> (block widths and design, normalisation and its groups, activation): all Pretrain
/// reads, so a change of readout or head reruns the classifiers but not pretraining.
/// </summary>
public sealed record EncoderSettings(IReadOnlyList<int> Channels, string Block, string Norm, int NormGroups, string Activation)
{
    public EncoderArchitecture Architecture(int spatialDims) =>
        EncoderArchitecture.Create(spatialDims, Channels, Norm, Activation, NormGroups, block: Block);
}
