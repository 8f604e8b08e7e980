using System.Buffers.Binary;
using System.Text;

namespace MriTransfer.Imaging.Nifti;

/// <summary>Parses NIfTI-1/2 header bytes of either byte order, collecting every problem found.</summary>
internal static class NiftiHeaderParser
{
    /// <summary>
    /// Reads the first 4 bytes (sizeof_hdr) and says which version and byte order they announce,
    /// or null when they are neither 348 nor 540 in either byte order.
    /// </summary>
    public static (int Version, bool BigEndian)? Detect(ReadOnlySpan<byte> first4)
    {
        var little = BinaryPrimitives.ReadInt32LittleEndian(first4);
        var big = BinaryPrimitives.ReadInt32BigEndian(first4);
        return little switch
        {
            NiftiLayout.Nifti1HeaderSize => (1, false),
            NiftiLayout.Nifti2HeaderSize => (2, false),
            _ => big switch
            {
                NiftiLayout.Nifti1HeaderSize => (1, true),
                NiftiLayout.Nifti2HeaderSize => (2, true),
                _ => null,
            },
        };
    }

    public static NiftiHeader Parse(string path, ReadOnlySpan<byte> bytes, int version, bool bigEndian)
    {
        var r = new HeaderFields(bytes.ToArray(), bigEndian);
        var header = version == 1 ? ParseV1(r, bigEndian) : ParseV2(r, bigEndian);
        var problems = Validate(header);
        if (problems.Count > 0) throw new ImageReadException(path, string.Join("; ", problems));
        return header;
    }

    private static NiftiHeader ParseV1(HeaderFields r, bool bigEndian)
    {
        const int v = 1;
        return new NiftiHeader
        {
            Version = v, BigEndian = bigEndian,
            Magic = r.Text(NiftiLayout.V1.Magic, 4),
            Dim = Enumerable.Range(0, 8).Select(i => (long)r.Int16(NiftiLayout.V1.Dim + 2 * i)).ToArray(),
            DataTypeCode = r.Int16(NiftiLayout.V1.DataType),
            BitPix = r.Int16(NiftiLayout.V1.BitPix),
            PixDim = Enumerable.Range(0, 8).Select(i => (double)r.Single(NiftiLayout.V1.PixDim + 4 * i)).ToArray(),
            VoxOffset = (long)r.Single(NiftiLayout.V1.VoxOffset),
            SclSlope = r.Single(NiftiLayout.V1.SclSlope),
            SclInter = r.Single(NiftiLayout.V1.SclInter),
            QformCode = r.Int16(NiftiLayout.V1.QformCode),
            SformCode = r.Int16(NiftiLayout.V1.SformCode),
            QuaternB = r.Single(NiftiLayout.V1.QuaternB),
            QuaternC = r.Single(NiftiLayout.V1.QuaternB + 4),
            QuaternD = r.Single(NiftiLayout.V1.QuaternB + 8),
            QOffset = Enumerable.Range(0, 3).Select(i => (double)r.Single(NiftiLayout.V1.QOffsetX + 4 * i)).ToArray(),
            SRow = Rows(i => r.Single(NiftiLayout.V1.SRowX + 4 * i)),
        };
    }

    private static NiftiHeader ParseV2(HeaderFields r, bool bigEndian) => new()
    {
        Version = 2, BigEndian = bigEndian,
        Magic = r.Text(NiftiLayout.V2.Magic, 4),
        Dim = Enumerable.Range(0, 8).Select(i => r.Int64(NiftiLayout.V2.Dim + 8 * i)).ToArray(),
        DataTypeCode = r.Int16(NiftiLayout.V2.DataType),
        BitPix = r.Int16(NiftiLayout.V2.BitPix),
        PixDim = Enumerable.Range(0, 8).Select(i => r.Double(NiftiLayout.V2.PixDim + 8 * i)).ToArray(),
        VoxOffset = r.Int64(NiftiLayout.V2.VoxOffset),
        SclSlope = r.Double(NiftiLayout.V2.SclSlope),
        SclInter = r.Double(NiftiLayout.V2.SclInter),
        QformCode = r.Int32(NiftiLayout.V2.QformCode),
        SformCode = r.Int32(NiftiLayout.V2.SformCode),
        QuaternB = r.Double(NiftiLayout.V2.QuaternB),
        QuaternC = r.Double(NiftiLayout.V2.QuaternB + 8),
        QuaternD = r.Double(NiftiLayout.V2.QuaternB + 16),
        QOffset = Enumerable.Range(0, 3).Select(i => r.Double(NiftiLayout.V2.QOffsetX + 8 * i)).ToArray(),
        SRow = Rows(i => r.Double(NiftiLayout.V2.SRowX + 8 * i)),
    };

    private static double[,] Rows(Func<int, double> element)
    {
        var rows = new double[3, 4];
        for (var i = 0; i < 12; i++) rows[i / 4, i % 4] = element(i);
        return rows;
    }

    private static List<string> Validate(NiftiHeader h)
    {
        var problems = new List<string>();
        string[] magics = h.Version == 1 ? ["n+1", "ni1"] : ["n+2", "ni2"];
        if (!magics.Contains(h.Magic))
            problems.Add($"magic is '{Printable(h.Magic)}', expected '{magics[0]}' or '{magics[1]}' for a NIfTI-{h.Version} header " +
                         "(a header without a NIfTI magic is read as Analyze 7.5 only as a .hdr/.img pair)");
        if (h.Dim[0] is < 1 or > 7)
            problems.Add($"dim[0] (number of dimensions) is {h.Dim[0]}, expected 1 to 7");
        else
            for (var i = 1; i <= h.Dim[0]; i++)
                if (h.Dim[i] <= 0) problems.Add($"dim[{i}] is {h.Dim[i]}, expected a positive size");
                else if (h.Dim[i] > int.MaxValue) problems.Add($"dim[{i}] is {h.Dim[i]}, larger than this reader supports ({int.MaxValue})");
        if (!NiftiDataTypes.IsSupported(h.DataTypeCode))
            problems.Add($"datatype {h.DataTypeCode} ({NiftiDataTypes.Describe(h.DataTypeCode)}) is not supported; supported: {NiftiDataTypes.SupportedList}");
        if (h.SingleFile && h.VoxOffset < h.HeaderSize)
            problems.Add($"vox_offset is {h.VoxOffset}, expected at least {h.HeaderSize} for a single-file ({h.Magic}) image");
        if (h.VoxOffset < 0) problems.Add($"vox_offset is {h.VoxOffset}, expected ≥ 0");
        if (h.HasScaling && !double.IsFinite(h.SclInter))
            problems.Add($"scl_slope is {h.SclSlope} but scl_inter is {h.SclInter}, expected a finite intercept");
        return problems;
    }

    private static string Printable(string s) =>
        new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    /// <summary>Typed reads at byte offsets in a header of a given byte order.</summary>
    private readonly struct HeaderFields(byte[] bytes, bool bigEndian)
    {
        public short Int16(int at) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at));
        public int Int32(int at) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        public long Int64(int at) => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
        public float Single(int at) => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at));
        public double Double(int at) => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(at));
        public string Text(int at, int length) => Encoding.ASCII.GetString(bytes, at, length).TrimEnd('\0');
    }
}
