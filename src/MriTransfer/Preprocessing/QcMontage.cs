using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>
/// qc.png: one row per class (in class order, its name above it and a coloured strip on the left), each subject shown as its
/// central axial slice (anterior up, patient's right on the right: neurological view) and, for 3-D volumes, its
/// central coronal slice (superior up). A flipped or rotated volume stands out at a glance.
/// </summary>
public static class QcMontage
{
    private const int Gap = 4, Strip = 10, TextScale = 2, LabelBand = QcFont.Height * TextScale + 4;
    /// <summary>Pixels of a tile's shortest side at least (a 32³ volume's slice is shown 4× at 128 px), and of its longest at most.</summary>
    internal const int MinTile = 128, MaxTile = 512;
    private static readonly Rgb[] ClassColours =
        [new(230, 25, 75), new(60, 180, 75), new(0, 130, 200), new(245, 130, 48), new(145, 30, 180), new(70, 240, 240), new(240, 50, 230), new(210, 245, 60)];

    /// <summary>Central slices of a RAS volume in display orientation; 2-D mode volumes (H, W, K) give their middle sample only.</summary>
    public static QcSlices Slices(Volume volume, bool twoDimensional)
    {
        int nx = volume.Nx, ny = volume.Ny, nz = volume.Nz;
        var axial = new float[ny, nx];
        for (var y = 0; y < ny; y++)
            for (var x = 0; x < nx; x++) axial[ny - 1 - y, x] = volume[x, y, nz / 2];
        if (twoDimensional) return new QcSlices(axial, null);
        var coronal = new float[nz, nx];
        for (var z = 0; z < nz; z++)
            for (var x = 0; x < nx; x++) coronal[nz - 1 - z, x] = volume[x, ny / 2, z];
        return new QcSlices(axial, coronal);
    }

    public static void Write(string path, IReadOnlyList<(string Label, IReadOnlyList<QcSlices> Subjects)> classes)
    {
        var tiles = classes.SelectMany(c => c.Subjects).SelectMany(s => s.Coronal is null ? [s.Axial] : new[] { s.Axial, s.Coronal }).ToList();
        if (tiles.Count == 0) return;
        var zoom = Zoom(tiles);
        int tileH = zoom * tiles.Max(t => t.GetLength(0)), tileW = zoom * tiles.Max(t => t.GetLength(1));
        var perSubject = classes.SelectMany(c => c.Subjects).Any(s => s.Coronal is not null) ? 2 : 1;
        var columns = Math.Max(1, classes.Max(c => c.Subjects.Count)) * perSubject;
        var width = Strip + Gap + columns * (tileW + Gap);
        var height = Math.Max(1, classes.Count) * (LabelBand + tileH + Gap) + Gap;

        var image = new RgbCanvas(width, height, new Rgb(0, 0, 0));
        for (var row = 0; row < classes.Count; row++)
        {
            var colour = ClassColours[row % ClassColours.Length];
            var labelTop = Gap + row * (LabelBand + tileH + Gap);
            QcFont.Draw(image, classes[row].Label, Strip + Gap, labelTop, TextScale, colour);
            var top = labelTop + LabelBand;
            Fill(image, 0, top, Strip, tileH, colour);
            var column = 0;
            foreach (var subject in classes[row].Subjects)
            {
                Draw(image, subject.Axial, zoom, Strip + Gap + column++ * (tileW + Gap), top);
                if (subject.Coronal is not null) Draw(image, subject.Coronal, zoom, Strip + Gap + column++ * (tileW + Gap), top);
                else if (perSubject == 2) column++;
            }
        }
        image.SavePng(path);
    }

    /// <summary>
    /// The integer factor every tile is enlarged by (nearest neighbour, so each voxel stays a visible square): the
    /// smallest that makes the shortest tile side at least <see cref="MinTile"/> pixels, but no more than keeps the
    /// longest side within <see cref="MaxTile"/> (a very elongated slice stays whole rather than huge).
    /// </summary>
    internal static int Zoom(IReadOnlyCollection<float[,]> tiles)
    {
        var shortest = tiles.Min(t => Math.Min(t.GetLength(0), t.GetLength(1)));
        var longest = tiles.Max(t => Math.Max(t.GetLength(0), t.GetLength(1)));
        return Math.Clamp((MinTile + shortest - 1) / shortest, 1, Math.Max(1, MaxTile / longest));
    }

    /// <summary>Grey levels from the slice's 1st–99th percentile window.</summary>
    private static void Draw(RgbCanvas image, float[,] tile, int zoom, int left, int top)
    {
        int h = tile.GetLength(0), w = tile.GetLength(1);
        var sorted = tile.Cast<float>().ToArray();
        Array.Sort(sorted);
        var low = Percentiles.OfSorted(sorted, 1);
        var high = Percentiles.OfSorted(sorted, 99);
        var range = high > low ? high - low : 1;
        for (var r = 0; r < h; r++)
            for (var c = 0; c < w; c++)
            {
                var g = (byte)Math.Clamp((tile[r, c] - low) / range * 255, 0, 255);
                for (var dy = 0; dy < zoom; dy++)
                    for (var dx = 0; dx < zoom; dx++) image[left + zoom * c + dx, top + zoom * r + dy] = new Rgb(g, g, g);
            }
    }

    private static void Fill(RgbCanvas image, int left, int top, int w, int h, Rgb colour)
    {
        for (var r = top; r < top + h; r++)
            for (var c = left; c < left + w; c++) image[c, r] = colour;
    }
}
