using PureHDF;

namespace MriTransfer.Imaging.Matlab;

/// <summary>
/// Reads the Figshare brain-tumour set's MATLAB v7.3 files (HDF5 behind a 512-byte user block) with PureHDF: group
/// <c>cjdata</c> with <c>image</c> (a 2-D matrix of whatever numeric type the file declares), <c>label</c> (double:
/// 1 meningioma, 2 glioma, 3 pituitary), <c>PID</c> (the patient id as uint16 character codes), <c>tumorMask</c> and
/// <c>tumorBorder</c> (not read). MATLAB stores matrices column-major, so HDF5 reports a rows × columns image as
/// (columns, rows); the image is transposed back and becomes a 2-D picture (<see cref="PlanarImage"/>): row 1 of the
/// MATLAB matrix, the top row in MATLAB's imshow, is the most anterior row.
/// </summary>
public static class FigshareMatReader
{
    public const string Format = "MATLAB v7.3 (Figshare cjdata)";

    public static bool Handles(string path) => ImageFiles.HasExtension(path, ".mat");

    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        var (pixels, width, height, type) = Open(path, cjdata => ReadImage(path, cjdata));
        var (nonFinite, first) = VoxelDecoder.FindNonFinite(pixels, [width, height, 1]);
        if (nonFinite > 0 && !options.AllowNonFinite) throw new NonFiniteVoxelsException(path, nonFinite, first);
        return new VolumeFile(PlanarImage.Volume(pixels, width, height),
            new ImageFileInfo(Format, type, [width, height], PlanarImage.AffineSource, false, nonFinite));
    }

    /// <summary>Label and patient of a slice, without reading its pixels (cohort discovery reads thousands of these).</summary>
    public static FigshareSlice ReadSlice(string path) => Open(path, cjdata =>
    {
        var problems = new List<string>();
        var label = ReadLabel(path, cjdata, problems);
        var patient = ReadPatient(path, cjdata, problems);
        if (problems.Count > 0) throw new ImageReadException(path, string.Join("; ", problems));
        return new FigshareSlice(label, patient);
    });

    private static T Open<T>(string path, Func<IH5Group, T> read)
    {
        if (!File.Exists(path)) throw new ImageReadException(path, "file not found");
        var kind = MatFileKind.Of(path);
        if (kind == MatFormat.V5)
            throw new ImageReadException(path, "is a MATLAB v5/v7 MAT-file; images are read from MATLAB v7.3 (HDF5) files as the Figshare set ships them — re-save it in MATLAB with save(name, '-v7.3')");
        if (kind != MatFormat.V73)
            throw new ImageReadException(path, "is not a MATLAB v7.3 MAT-file: no HDF5 signature at byte 0, 512, 1024 or 2048");
        var length = new FileInfo(path).Length;
        if (MatFileKind.DeclaredHdf5Length(path) is { } declared && length < declared)
            throw new ImageReadException(path, $"is truncated: its HDF5 superblock says the file is {declared} bytes, it has {length}");
        try
        {
            using var file = H5File.OpenRead(path);
            if (!file.LinkExists("cjdata"))
                throw new ImageReadException(path, $"has no group /cjdata (it holds {Names(file)}); expected a Figshare brain-tumour slice with /cjdata/image, /cjdata/label and /cjdata/PID");
            return read(file.Group("cjdata"));
        }
        catch (Exception e) when (e is not ImageReadException)
        {
            // PureHDF signals a damaged or truncated file with several exception types; all of them mean "unreadable file"
            throw new ImageReadException(path, $"HDF5 content cannot be read ({e.GetType().Name}: {e.Message}); is the file truncated?", e);
        }
    }

    private static (float[] Pixels, int Width, int Height, string Type) ReadImage(string path, IH5Group cjdata)
    {
        var image = Dataset(path, cjdata, "image");
        var dims = image.Space.Dimensions;
        if (dims.Length != 2 || dims[0] == 0 || dims[1] == 0)
            throw new ImageReadException(path, $"/cjdata/image has dimensions [{string.Join(", ", dims)}], expected a non-empty 2-D matrix");
        if ((double)dims[0] * dims[1] > Array.MaxLength)
            throw new ImageReadException(path, $"/cjdata/image has dimensions [{string.Join(", ", dims)}], too many pixels for one array");
        var (columns, rows) = ((int)dims[0], (int)dims[1]);
        var (pixels, type) = HdfNumeric.ReadTransposed(path, "/cjdata/image", image, columns, rows);
        return (pixels, columns, rows, type);
    }

    private static int ReadLabel(string path, IH5Group cjdata, List<string> problems)
    {
        if (!cjdata.LinkExists("label")) { problems.Add("/cjdata/label is missing, expected " + FigshareSlice.Expected); return 0; }
        var values = HdfNumeric.ReadAsFloat(path, "/cjdata/label", cjdata.Dataset("label")).Values;
        if (values.Length != 1) { problems.Add($"/cjdata/label holds {values.Length} values, expected one: {FigshareSlice.Expected}"); return 0; }
        var label = values[0];
        if (label is not (1 or 2 or 3)) problems.Add($"/cjdata/label is {label}, expected {FigshareSlice.Expected}");
        return (int)label;
    }

    private static string ReadPatient(string path, IH5Group cjdata, List<string> problems)
    {
        if (!cjdata.LinkExists("PID")) { problems.Add("/cjdata/PID is missing, expected the patient id as character codes"); return ""; }
        var codes = HdfNumeric.ReadAsFloat(path, "/cjdata/PID", cjdata.Dataset("PID")).Values;
        var text = new string(codes.Where(c => c != 0).Select(c => c is >= 32 and < 127 ? (char)c : '?').ToArray()).Trim();
        if (text.Length == 0) problems.Add("/cjdata/PID is empty, expected the patient id as uint16 character codes");
        else if (!text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            problems.Add($"/cjdata/PID is '{text}', expected letters, digits, '-', '_' or '.'");
        return text;
    }

    private static IH5Dataset Dataset(string path, IH5Group cjdata, string name) =>
        cjdata.LinkExists(name) ? cjdata.Dataset(name)
        : throw new ImageReadException(path, $"/cjdata/{name} is missing (the group holds {Names(cjdata)}); expected a Figshare brain-tumour slice");

    private static string Names(IH5Group group)
    {
        var names = group.Children().Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "nothing" : string.Join(", ", names);
    }
}
