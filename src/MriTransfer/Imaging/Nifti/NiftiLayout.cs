namespace MriTransfer.Imaging.Nifti;

/// <summary>Byte offsets of the header fields used here (nifti1.h and nifti2.h).</summary>
internal static class NiftiLayout
{
    public const int Nifti1HeaderSize = 348;
    public const int Nifti2HeaderSize = 540;

    public static class V1
    {
        public const int Dim = 40, DataType = 70, BitPix = 72, PixDim = 76, VoxOffset = 108, SclSlope = 112,
            SclInter = 116, XyztUnits = 123, Descrip = 148, QformCode = 252, SformCode = 254, QuaternB = 256,
            QOffsetX = 268, SRowX = 280, Magic = 344;
    }

    public static class V2
    {
        public const int Magic = 4, DataType = 12, BitPix = 14, Dim = 16, PixDim = 104, VoxOffset = 168,
            SclSlope = 176, SclInter = 184, Descrip = 240, QformCode = 344, SformCode = 348, QuaternB = 352,
            QOffsetX = 376, SRowX = 400, XyztUnits = 500;
    }
}
