using System.Globalization;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using Pipeline.Errors;

namespace MriTransfer.Evaluation;

/// <summary>One saved reconstruction example, as listed in reconstructions/index.csv.</summary>
public sealed record ReconstructionExample(string Cohort, string SubjectId, string Label, double Mse, string InputPath, string OutputPath);

/// <summary>
/// reconstructions/index.csv (cohort,subject_id,label,mse,input,output; paths relative to the folder) and the
/// input/output volumes as NIfTI, so the report (and any viewer) can show them without running the model.
/// </summary>
public static class ReconstructionExamples
{
    public static void Write(string folder, IReadOnlyList<(string Cohort, PreprocessedSubject Subject, Volume Input, Volume Output, double Mse)> examples)
    {
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "cohort,subject_id,label,mse,input,output" };
        foreach (var e in examples)
        {
            string input = $"{e.Cohort}_{e.Subject.SubjectId}_input.nii.gz", output = $"{e.Cohort}_{e.Subject.SubjectId}_output.nii.gz";
            VolumeIO.WriteNifti(e.Input, Path.Combine(folder, input));
            VolumeIO.WriteNifti(e.Output, Path.Combine(folder, output));
            lines.Add(string.Join(",", e.Cohort, e.Subject.SubjectId, e.Subject.Label,
                MetricsJson.Significant(e.Mse).ToString("R", CultureInfo.InvariantCulture), input, output));
        }
        File.WriteAllLines(Path.Combine(folder, "index.csv"), lines);
    }

    public static IReadOnlyList<ReconstructionExample> Read(string folder)
    {
        var index = Path.Combine(folder, "index.csv");
        if (!File.Exists(index)) return [];
        var rows = new List<ReconstructionExample>();
        foreach (var (line, number) in File.ReadLines(index).Select((l, i) => (l, i + 1)).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != 6 || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var mse))
                throw new InputException($"{index}: line {number}: expected cohort,subject_id,label,mse,input,output, got '{line}'");
            rows.Add(new ReconstructionExample(f[0], f[1], f[2], mse, Path.Combine(folder, f[4]), Path.Combine(folder, f[5])));
        }
        return rows;
    }
}
