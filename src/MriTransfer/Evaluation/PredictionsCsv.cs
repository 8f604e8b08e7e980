using System.Globalization;
using CsvHelper;
using Pipeline.Errors;

namespace MriTransfer.Evaluation;

/// <summary>predictions/&lt;variant&gt;.csv: subject_id,patient_id,true_label,predicted_label,p_&lt;class&gt;... (class order of the model).</summary>
public static class PredictionsCsv
{
    public static void Write(string path, IReadOnlyList<string> classes, IReadOnlyList<SubjectPrediction> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "subject_id", "patient_id", "true_label", "predicted_label" }.Concat(classes.Select(c => "p_" + c)))
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.SubjectId);
                csv.WriteField(row.PatientId);
                csv.WriteField(row.TrueLabel);
                csv.WriteField(row.PredictedLabel);
                foreach (var p in row.Probabilities) csv.WriteField(p.ToString("0.######", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a predictions file back: the class order from the p_ columns, and every row.</summary>
    public static (IReadOnlyList<string> Classes, IReadOnlyList<SubjectPrediction> Rows) Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null) throw new InputException($"{path}: empty file, expected a header row");
        var header = csv.HeaderRecord;
        var required = new[] { "subject_id", "patient_id", "true_label", "predicted_label" };
        var missing = required.Where(r => !header.Contains(r)).ToList();
        var classes = header.Where(h => h.StartsWith("p_", StringComparison.Ordinal)).Select(h => h[2..]).ToList();
        if (classes.Count == 0) missing.Add("p_<class> (one probability column per class)");
        if (missing.Count > 0) throw new InputException($"{path}: missing column(s) {string.Join(", ", missing)}");
        var rows = new List<SubjectPrediction>();
        while (csv.Read())
            rows.Add(new SubjectPrediction(
                csv.GetField("subject_id")!, csv.GetField("patient_id")!, csv.GetField("true_label")!, csv.GetField("predicted_label")!,
                classes.Select(c => double.Parse(csv.GetField("p_" + c)!, CultureInfo.InvariantCulture)).ToArray()));
        return (classes, rows);
    }
}
