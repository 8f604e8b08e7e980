using System.Security.Cryptography;

namespace MriTransfer.Models.ImageNet;

/// <summary>
/// Where the ImageNet ResNet-18 comes from: the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1
/// (MIT), whose build props copy tools/DnnImageModels/** into the output folder of every project that
/// references MriTransfer. The file is checked against a pinned SHA-256 before use.
/// </summary>
public static class ResNet18Package
{
    public const string PackageId = "Microsoft.ML.DnnImageFeaturizer.ResNet18";
    public const string PackageVersion = "0.23.1";
    public const string ModelRelativePath = "DnnImageModels/ResNet18Onnx/ResNet18.onnx";
    public const string PreprocessRelativePath = "DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>SHA-256 of ResNet18.onnx in package 0.23.1 (63,653,533 bytes).</summary>
    public const string ModelSha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    /// <summary>SHA-256 of ResNetPreprocess.onnx in package 0.23.1 (602,584 bytes).</summary>
    public const string PreprocessSha256 = "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004";

    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, ModelRelativePath);
    public static string DefaultPreprocessPath => Path.Combine(AppContext.BaseDirectory, PreprocessRelativePath);

    private static string RestoreHint =>
        $"restore it with `dotnet restore` and rebuild (the package {PackageId} {PackageVersion} copies it into the build output); " +
        $"if the NuGet cache copy itself is damaged, delete ~/.nuget/packages/{PackageId.ToLowerInvariant()}/{PackageVersion} first";

    /// <summary>Returns <paramref name="path"/> after checking it exists and has the pinned SHA-256.</summary>
    public static string Verified(string path, string expectedSha256)
    {
        if (!File.Exists(path))
            throw new ImageNetWeightsException($"{path}: the pretrained ResNet-18 file is missing; {RestoreHint}");
        string actual;
        using (var stream = File.OpenRead(path))
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != expectedSha256)
            throw new ImageNetWeightsException(
                $"{path}: SHA-256 is {actual} but {PackageId} {PackageVersion} ships {expectedSha256}; the file was altered or is from another version; {RestoreHint}");
        return path;
    }

    public static string VerifiedModel(string? path = null) => Verified(path ?? DefaultModelPath, ModelSha256);
}
