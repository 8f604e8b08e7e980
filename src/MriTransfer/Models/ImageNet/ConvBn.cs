using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Convolution (no bias) + batch normalisation with the CNTK export's padding: <see cref="PadBegin"/> zeros
/// before and <see cref="PadEnd"/> after each spatial axis (ONNX pads = [begin_h, begin_w, end_h, end_w]).
/// Implemented as symmetric padding by PadBegin and cropping the trailing outputs the smaller end padding
/// would not produce, which gives exactly the ONNX result for any input size.
/// </summary>
public sealed class ConvBn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    public ConvBn(string name, int inChannels, int outChannels, int kernelSize, int stride, int padBegin, int padEnd)
        : base(name)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        PadBegin = padBegin;
        PadEnd = padEnd;
        conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padBegin, bias: false);
        bn = nn.BatchNorm2d(outChannels, eps: Epsilon);
        RegisterComponents();
    }

    /// <summary>BatchNormalization epsilon of the CNTK export (1e-5, as torchvision's ResNet).</summary>
    public const double Epsilon = 1e-5;

    public int InChannels { get; }
    public int OutChannels { get; }
    public int KernelSize { get; }
    public int Stride { get; }
    public int PadBegin { get; }
    public int PadEnd { get; }

    public Conv2d Conv => conv;
    public BatchNorm2d Norm => bn;

    public override Tensor forward(Tensor input)
    {
        using var convolved = conv.forward(input);
        using var cropped = AsymmetricPadding.Crop(convolved, input, KernelSize, Stride, PadBegin, PadEnd);
        return bn.forward(cropped);
    }
}

/// <summary>Output-size arithmetic for ONNX's asymmetric pads.</summary>
public static class AsymmetricPadding
{
    public static long OutputSize(long inputSize, int kernel, int stride, int padBegin, int padEnd) =>
        (inputSize + padBegin + padEnd - kernel) / stride + 1;

    /// <summary>Crops an output computed with symmetric padding <paramref name="padBegin"/> to the asymmetric size.</summary>
    public static Tensor Crop(Tensor output, Tensor input, int kernel, int stride, int padBegin, int padEnd)
    {
        var h = OutputSize(input.shape[2], kernel, stride, padBegin, padEnd);
        var w = OutputSize(input.shape[3], kernel, stride, padBegin, padEnd);
        if (h <= 0 || w <= 0 || input.shape[2] + padBegin + padEnd < kernel || input.shape[3] + padBegin + padEnd < kernel)
            throw new ArgumentException(
                $"a {input.shape[2]}×{input.shape[3]} feature map is too small for a {kernel}×{kernel} window with stride {stride}; " +
                $"ResNet-18 needs images of at least {ResNet18Backbone.MinImageSize} pixels");
        return output.shape[2] == h && output.shape[3] == w
            ? output.alias()
            : output[.., .., TensorIndex.Slice(0, h), TensorIndex.Slice(0, w)];
    }
}
