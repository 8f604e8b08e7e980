using PureHDF;

namespace MriTransfer.Imaging.Matlab;

/// <summary>Reads a numeric variable from a MAT-file of either format (v7.3 HDF5, or v5/v7), e.g. the Figshare set's cvind.mat.</summary>
public static class MatVariables
{
    /// <summary>The variable's values in MATLAB's column-major order (a vector's elements in order).</summary>
    public static double[] ReadNumeric(string path, string name)
    {
        if (!File.Exists(path)) throw new ImageReadException(path, "file not found");
        switch (MatFileKind.Of(path))
        {
            case MatFormat.V5:
                return Mat5NumericReader.Read(path, name).Values;
            case MatFormat.V73:
                try
                {
                    using var file = H5File.OpenRead(path);
                    if (!file.LinkExists(name))
                        throw new ImageReadException(path, $"has no variable '{name}' (it holds {string.Join(", ", file.Children().Select(c => c.Name).Order(StringComparer.Ordinal))})");
                    // HDF5 order of a column-major matrix is MATLAB's element order already
                    return HdfNumeric.ReadAsFloat(path, "/" + name, file.Dataset(name)).Values.Select(v => (double)v).ToArray();
                }
                catch (Exception e) when (e is not ImageReadException)
                {
                    throw new ImageReadException(path, $"HDF5 content cannot be read ({e.GetType().Name}: {e.Message})", e);
                }
            default:
                throw new ImageReadException(path, "is not a MAT-file: neither the 'MATLAB 5.0 MAT-file' header nor an HDF5 signature");
        }
    }
}
