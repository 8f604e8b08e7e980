using static TorchSharp.torch;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// The input convention of the CNTK ImageNet ResNet-18, read from the package's ResNetPreprocess.onnx:
/// Split the RGB input into channels, Concat them as B, G, R, Sub a 3×224×224 MeanImage. There is no scaling
/// and no division by a standard deviation: the network expects BGR intensities on the 0–255 scale minus
/// the ImageNet mean. This pipeline subtracts the mean image's per-channel averages (so any image size
/// works; the mean image varies by about ±10 grey levels around them).
/// </summary>
public static class CntkImageNetInput
{
    /// <summary>Per-channel averages of ResNetPreprocess.onnx's MeanImage, in network order B, G, R.</summary>
    public static readonly float[] MeanBgr = [103.0626f, 115.9029f, 123.1516f];

    /// <summary>RGB images in [0, 1], shape [N, 3, H, W] → the network input (BGR, ×255, minus the mean).</summary>
    public static Tensor FromRgb01(Tensor rgb01)
    {
        using var scope = NewDisposeScope();
        var bgr = rgb01.flip(1).mul(255f);
        var mean = tensor(MeanBgr, [1, 3, 1, 1]);
        return bgr.sub(mean).MoveToOuterDisposeScope();
    }
}
