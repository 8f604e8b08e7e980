namespace MriTransfer.Preprocessing;

/// <summary>
/// What preprocessing one subject produced: its file (relative to the output folder), value statistics, input facts
/// (orientation, 2-D or not, the <see cref="Cohorts.PerceptualHash"/> of its input) and QC slices.
/// </summary>
public sealed record SubjectResult(
    string SubjectId, string RelativePath, int[] Shape, double[] Spacing,
    double Mean, double Sd, double Min, double Max,
    string InputOrientation, bool InputWasImage, ulong InputHash, QcSlices? Qc);

/// <summary>Central slices for qc.png, already in display order (row 0 at the top).</summary>
public sealed record QcSlices(float[,] Axial, float[,]? Coronal);
