using System.Globalization;
using System.IO.Compression;
using System.Text;
using MriTransfer.Imaging.Nifti;

namespace MriTransfer.Imaging;

/// <summary>
/// Reads MetaImage (ITK) files: .mha (header and data in one file) and .mhd with a separate .raw/.zraw
/// (ElementDataFile), zlib-compressed data (CompressedData = True), either byte order.
/// MetaImage geometry is LPS (ITK's world); it is converted to the RAS+ affine a <see cref="Volume"/> holds.
/// </summary>
public static class MetaImageReader
{
    private static readonly Dictionary<string, NiftiDataType> ElementTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MET_UCHAR"] = NiftiDataType.UInt8, ["MET_CHAR"] = NiftiDataType.Int8,
        ["MET_SHORT"] = NiftiDataType.Int16, ["MET_USHORT"] = NiftiDataType.UInt16,
        ["MET_INT"] = NiftiDataType.Int32, ["MET_UINT"] = NiftiDataType.UInt32,
        ["MET_LONG_LONG"] = NiftiDataType.Int64, ["MET_ULONG_LONG"] = NiftiDataType.UInt64,
        ["MET_FLOAT"] = NiftiDataType.Float32, ["MET_DOUBLE"] = NiftiDataType.Float64,
    };

    public static VolumeFile Read(string path, VolumeReadOptions? options = null)
    {
        options ??= VolumeReadOptions.Default;
        var (fields, headerBytes) = ReadHeader(path);
        string Field(string key, params string[] aliases) =>
            new[] { key }.Concat(aliases).Select(k => fields.GetValueOrDefault(k)).FirstOrDefault(v => v is not null)
            ?? throw new ImageReadException(path, $"MetaImage header has no {key} field");

        var problems = new List<string>();
        var ndims = ParseInts(path, "NDims", Field("NDims"))[0];
        if (ndims is < 2 or > 4) problems.Add($"NDims is {ndims}, expected 2, 3 or 4");
        var dims = ParseInts(path, "DimSize", Field("DimSize"));
        if (dims.Length != ndims) problems.Add($"DimSize has {dims.Length} values, expected NDims = {ndims}");
        if (dims.Any(d => d <= 0)) problems.Add($"DimSize is [{string.Join(", ", dims)}], expected positive sizes");
        var elementType = Field("ElementType");
        if (!ElementTypes.TryGetValue(elementType, out var type))
            problems.Add($"ElementType {elementType} is not supported; supported: {string.Join(", ", ElementTypes.Keys)}");
        if (fields.TryGetValue("ElementNumberOfChannels", out var channels) && channels.Trim() != "1")
            problems.Add($"ElementNumberOfChannels is {channels}, expected 1 (grey images only)");
        if (problems.Count > 0) throw new ImageReadException(path, string.Join("; ", problems));

        var n = Math.Min(ndims, 3);
        var spacing = fields.TryGetValue("ElementSpacing", out var sp) || fields.TryGetValue("ElementSize", out sp) ? ParseDoubles(path, "ElementSpacing", sp) : Enumerable.Repeat(1.0, ndims).ToArray();
        var origin = fields.TryGetValue("Offset", out var off) || fields.TryGetValue("Position", out off) || fields.TryGetValue("Origin", out off) ? ParseDoubles(path, "Offset", off) : new double[ndims];
        var matrix = fields.TryGetValue("TransformMatrix", out var tm) || fields.TryGetValue("Rotation", out tm) || fields.TryGetValue("Orientation", out tm) ? ParseDoubles(path, "TransformMatrix", tm) : null;
        var shape = new[] { dims[0], dims[1], n >= 3 ? dims[2] : 1 };
        var affine = Volume.DiagonalAffine(1, 1, 1);
        for (var axis = 0; axis < 3; axis++)
            for (var row = 0; row < 3; row++)
            {
                // TransformMatrix row `axis` is that axis' direction in LPS; RAS negates x and y.
                var direction = axis < n && row < n ? (matrix is { } m && m.Length == ndims * ndims ? m[axis * ndims + row] : axis == row ? 1 : 0) : axis == row ? 1 : 0;
                var step = axis < n && axis < spacing.Length ? spacing[axis] : 1;
                affine[row, axis] = (row < 2 ? -1 : 1) * direction * step;
            }
        for (var row = 0; row < 3; row++) affine[row, 3] = (row < 2 ? -1 : 1) * (row < origin.Length ? origin[row] : 0);

        var volumeCount = ndims == 4 ? dims[3] : 1;
        var index = options.VolumeIndex ?? 0;
        if (options.VolumeIndex is null && volumeCount > 1)
            throw new ImageReadException(path, $"file holds {volumeCount} volumes (DimSize [{string.Join(", ", dims)}]); choose one with {PipelineVolume.Key} in params.yaml (0 to {volumeCount - 1}; Inspect shows each volume's statistics)");
        if (index < 0 || index >= volumeCount)
            throw new ImageReadException(path, $"volume index {index} requested, but the file holds {volumeCount} volume(s)");

        var bigEndian = (fields.GetValueOrDefault("BinaryDataByteOrderMSB") ?? fields.GetValueOrDefault("ElementByteOrderMSB") ?? "False").Trim().Equals("True", StringComparison.OrdinalIgnoreCase);
        var compressed = (fields.GetValueOrDefault("CompressedData") ?? "False").Trim().Equals("True", StringComparison.OrdinalIgnoreCase);
        var dataFile = Field("ElementDataFile").Trim();
        var dataPath = dataFile.Equals("LOCAL", StringComparison.OrdinalIgnoreCase) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, dataFile);
        if (!File.Exists(dataPath)) throw new ImageReadException(path, $"ElementDataFile {dataFile} not found (looked for {dataPath})");

        long voxels = (long)shape[0] * shape[1] * shape[2];
        var data = new float[voxels];
        using (var file = File.OpenRead(dataPath))
        {
            if (dataPath == path) file.Position = headerBytes;
            using var stream = compressed ? new ZLibStream(file, CompressionMode.Decompress) : (Stream)file;
            var bytesPerVolume = voxels * NiftiDataTypes.BytesPerVoxel(type);
            try
            {
                if (ImageFiles.Skip(stream, index * bytesPerVolume) < index * bytesPerVolume) throw new EndOfStreamException("0");
                VoxelDecoder.Decode(stream, type, bigEndian, data);
            }
            catch (EndOfStreamException e)
            {
                throw new ImageReadException(dataPath, $"voxel data is too short: DimSize [{string.Join(", ", dims)}] of {elementType} needs {bytesPerVolume} bytes per volume, only {e.Message} were there");
            }
            catch (InvalidDataException e)
            {
                throw new ImageReadException(dataPath, $"compressed data is corrupt or truncated ({e.Message})", e);
            }
        }
        var (nonFinite, first) = VoxelDecoder.FindNonFinite(data, shape);
        if (nonFinite > 0 && !options.AllowNonFinite) throw new NonFiniteVoxelsException(path, nonFinite, first);
        var volume = new Volume(data, shape, Affine.Spacing(affine), affine);
        return new VolumeFile(volume, new ImageFileInfo("MetaImage", NiftiDataTypes.Name(type), dims.Select(d => (long)d).ToArray(), "header", bigEndian, nonFinite));
    }

    /// <summary>The "Key = Value" lines up to and including ElementDataFile, and the header's length in bytes.</summary>
    private static (Dictionary<string, string> Fields, long HeaderBytes) ReadHeader(string path)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var file = File.OpenRead(path);
        var line = new List<byte>();
        long position = 0;
        while (true)
        {
            var b = file.ReadByte();
            if (b < 0) break;
            position++;
            if (b != '\n') { line.Add((byte)b); if (line.Count > 4096) break; continue; }
            var text = Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
            line.Clear();
            var eq = text.IndexOf('=');
            if (eq <= 0) throw new ImageReadException(path, $"MetaImage header line '{text}' is not 'Key = Value'");
            var key = text[..eq].Trim();
            fields[key] = text[(eq + 1)..].Trim();
            if (key.Equals("ElementDataFile", StringComparison.OrdinalIgnoreCase)) return (fields, position);
        }
        throw new ImageReadException(path, "not a MetaImage file: no 'ElementDataFile = ...' line ends the header");
    }

    private static int[] ParseInts(string path, string key, string value) =>
        ParseDoubles(path, key, value).Select(v => (int)v).ToArray();

    private static double[] ParseDoubles(string path, string key, string value)
    {
        try { return value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(); }
        catch (FormatException) { throw new ImageReadException(path, $"MetaImage field {key} is '{value}', expected numbers separated by spaces"); }
    }
}
