using System.Text;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>Recognises an image file by its first bytes when its name does not say what it is.</summary>
internal static class ImageFormatSniffer
{
    public static ImageFormat Sniff(string path)
    {
        var head = new byte[256];
        int got;
        using (var stream = ImageFiles.OpenMaybeGzip(path, out _))
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, got);
        if (got >= 4 && NiftiHeaderParser.Detect(bytes[..4]) is not null) return ImageFormat.Nifti;
        if (bytes.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })) return ImageFormat.Raster;
        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ImageFormat.Raster;
        if (bytes.StartsWith("BM"u8)) return ImageFormat.Raster;
        if (got >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8)) return ImageFormat.Dicom;
        if (Matlab.MatFileKind.LooksLikeMat(bytes)) return ImageFormat.Matlab;
        var text = Encoding.ASCII.GetString(bytes);
        if (text.Contains("ObjectType", StringComparison.Ordinal) || text.Contains("NDims", StringComparison.Ordinal)) return ImageFormat.MetaImage;
        return ImageFormat.Unknown;
    }
}
