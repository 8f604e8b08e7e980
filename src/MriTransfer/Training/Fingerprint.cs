using System.Security.Cryptography;
using System.Text;

namespace MriTransfer.Training;

/// <summary>SHA-256 fingerprints (lower-case hex) of files and texts, recorded in model cards and resume state.</summary>
public static class Fingerprint
{
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
