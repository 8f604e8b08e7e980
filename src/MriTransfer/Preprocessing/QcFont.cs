using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>
/// A 3×5 pixel font for the class names in qc.png: no font files or font engine are needed (the machine's
/// SkiaSharp build has no fontconfig). Letters are drawn upper-case; unknown characters as '?'.
/// </summary>
internal static class QcFont
{
    public const int Height = 5, Advance = 4;

    private static readonly Dictionary<char, string> Glyphs = new()
    {
        ['A'] = "010101111101101", ['B'] = "110101110101110", ['C'] = "011100100100011", ['D'] = "110101101101110",
        ['E'] = "111100110100111", ['F'] = "111100110100100", ['G'] = "011100101101011", ['H'] = "101101111101101",
        ['I'] = "111010010010111", ['J'] = "001001001101010", ['K'] = "101101110101101", ['L'] = "100100100100111",
        ['M'] = "101111111101101", ['N'] = "110101101101101", ['O'] = "010101101101010", ['P'] = "110101110100100",
        ['Q'] = "010101101110011", ['R'] = "110101110101101", ['S'] = "011100010001110", ['T'] = "111010010010010",
        ['U'] = "101101101101111", ['V'] = "101101101101010", ['W'] = "101101111111101", ['X'] = "101101010101101",
        ['Y'] = "101101010010010", ['Z'] = "111001010100111",
        ['0'] = "111101101101111", ['1'] = "010110010010111", ['2'] = "110001010100111", ['3'] = "110001010001110",
        ['4'] = "101101111001001", ['5'] = "111100110001110", ['6'] = "011100111101111", ['7'] = "111001010010010",
        ['8'] = "111101111101111", ['9'] = "111101111001110",
        ['-'] = "000000111000000", ['_'] = "000000000000111", ['.'] = "000000000000010", [' '] = "000000000000000",
        ['?'] = "111001010000010",
    };

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (left, top), each font pixel <paramref name="scale"/>² image pixels, clipped to the image.</summary>
    public static void Draw(RgbCanvas image, string text, int left, int top, int scale, Rgb colour)
    {
        for (var k = 0; k < text.Length; k++)
        {
            var glyph = Glyphs.TryGetValue(char.ToUpperInvariant(text[k]), out var g) ? g : Glyphs['?'];
            for (var row = 0; row < Height; row++)
                for (var column = 0; column < 3; column++)
                {
                    if (glyph[row * 3 + column] != '1') continue;
                    for (var dy = 0; dy < scale; dy++)
                        for (var dx = 0; dx < scale; dx++)
                        {
                            int x = left + (k * Advance + column) * scale + dx, y = top + row * scale + dy;
                            if (x < image.Width && y < image.Height) image[x, y] = colour;
                        }
                }
        }
    }
}
