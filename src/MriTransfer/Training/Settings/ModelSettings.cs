using MriTransfer.Models;

namespace MriTransfer.Training.Settings;

/// <summary>
/// <c>model.*</c>, shared by Pretrain and every classifier stage so they build the same encoder: block widths
/// (their count is the depth), normalisation and its groups, activation, the head's hidden sizes and dropout.
/// Combinations the schema cannot check (group counts against widths) are checked when the model is built.
/// </summary>
public sealed record ModelSettings(
    IReadOnlyList<int> Channels, string Norm, int NormGroups, string Activation, IReadOnlyList<int> HeadHidden, double Dropout)
{
    public EncoderArchitecture Architecture(int spatialDims) =>
        EncoderArchitecture.Create(spatialDims, Channels, Norm, Activation, NormGroups);

    public ClassifierHeadSpec Head(int classes) => ClassifierHeadSpec.Create(HeadHidden, Dropout, classes);
}
