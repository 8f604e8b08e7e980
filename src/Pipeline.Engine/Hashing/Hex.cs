using System.IO.Hashing;
using System.Text;

namespace Pipeline.Engine.Hashing;

internal static class Hex
{
    public static string Of(XxHash128 hasher) => Convert.ToHexStringLower(hasher.GetCurrentHash());

    public static string OfText(string text) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));
}
