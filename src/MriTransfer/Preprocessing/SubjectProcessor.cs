using MriTransfer.Cohorts;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;

namespace MriTransfer.Preprocessing;

/// <summary>
/// Reads one subject's file (the only time a preprocessing run opens it), replaces NaN/Inf voxels as
/// <c>preprocess.nonfinite</c> says (or refuses them), preprocesses and writes it; only its
/// statistics, the perceptual hash of its input (for near-duplicate grouping) and its QC slices if asked stay in memory.
/// </summary>
internal static class SubjectProcessor
{
    public static SubjectResult Run(CohortSubject subject, PreprocessSettings settings, string outputDir, bool keepQc)
    {
        var input = VolumeIO.Read(subject.Path, new VolumeReadOptions { VolumeIndex = settings.VolumeIndex, AllowNonFinite = true });
        var nonFinite = NonFiniteRepair.Apply(input.Data, input.Nx, input.Ny, input.Nz, settings.Nonfinite);
        if (nonFinite > 0 && settings.Nonfinite == NonFinitePolicy.Fail)
            throw new PreprocessingException(
                $"{nonFinite} of {input.Data.Length} voxels are NaN or infinite; set preprocess.nonfinite to zero or nearest to replace them, or fix the file");
        var hash = PerceptualHash.Compute(input);
        var orientation = Reorientation.Code(input.Affine);
        var output = VolumePreprocessor.Process(input, settings);

        var relative = Path.Combine("subjects", subject.SubjectId + ".nii.gz");
        VolumeIO.WriteNifti(output, Path.Combine(outputDir, relative));

        double sum = 0, sumSquares = 0;
        float min = float.MaxValue, max = float.MinValue;
        foreach (var v in output.Data)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var mean = sum / output.Data.Length;
        foreach (var v in output.Data) sumSquares += (v - mean) * (v - mean);
        var qc = keepQc ? QcMontage.Slices(output, settings.Mode == CohortMode.TwoD) : null;
        return new SubjectResult(subject.SubjectId, relative.Replace('\\', '/'), output.Shape, output.Spacing,
            mean, Math.Sqrt(sumSquares / output.Data.Length), min, max, orientation, input.Nz == 1, hash, qc);
    }
}
