using System.Text.Json;
using MriTransfer.Cohorts.Splitting;
using Pipeline.Errors;

namespace MriTransfer.Cohorts.Preprocessed;

/// <summary>summary.json of a preprocessed cohort (docs/stage-contract.md): read by every stage that takes the cohort.</summary>
/// <param name="Counts">split → class → subjects, for the splits that have subjects.</param>
/// <param name="InputOrientations">axis codes of the input images (e.g. "LPS") → subjects.</param>
/// <param name="Seed">the split seed.</param>
/// <param name="LabelFractions">the nested train subsets drawn (ascending; empty for an AD cohort).</param>
/// <param name="Excluded">subjects left out by the quality gate (excluded.csv lists them); written as "excluded" only
/// when not 0, so a clean cohort's summary.json is as before.</param>
public sealed record PreprocessedCohortSummary(
    CohortMode Mode, CohortRole Role, IReadOnlyList<string> Classes, int[] Shape, double[] Spacing,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts,
    IReadOnlyDictionary<string, int> InputOrientations, int Seed, IReadOnlyList<double> LabelFractions, int Excluded = 0)
{
    public const string FileName = "summary.json";

    private const string QcNote = "qc.png: one row per class in the order of 'classes' (name above, coloured strip at the left); subjects drawn across each class's patients with the split seed, in subject order; each subject = central axial (anterior up, patient's right on the right) then central coronal (superior up)";

    public void Write(string path)
    {
        var json = new
        {
            mode = Mode.Text(),
            role = Role == CohortRole.Ad ? "ad" : "bt",
            classes = Classes,
            shape = Shape,
            spacing = Spacing,
            counts = Counts,
            input_orientations = InputOrientations,
            split_seed = Seed,
            label_fractions = LabelFractions,
            qc = QcNote,
        };
        var options = new JsonSerializerOptions { WriteIndented = true };
        var text = JsonSerializer.Serialize(json, options);
        if (Excluded > 0)
        {
            var node = JsonSerializer.SerializeToNode(json)!.AsObject();
            node.Insert(node.Count - 1, "excluded", Excluded);
            text = node.ToJsonString(options);
        }
        var temp = path + ".tmp";
        File.WriteAllText(temp, text + "\n");
        File.Move(temp, path, overwrite: true);
    }

    public static PreprocessedCohortSummary Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: missing; is {Path.GetDirectoryName(path)} the output of a Preprocess stage?");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            JsonElement Field(string name) => root.TryGetProperty(name, out var value)
                ? value : throw new InputException($"{path}: no \"{name}\" field; is it a summary.json written by Preprocess?");
            var role = Field("role").GetString();
            return new PreprocessedCohortSummary(
                CohortModes.Parse(Field("mode").GetString(), path),
                role switch { "ad" => CohortRole.Ad, "bt" => CohortRole.Bt, _ => throw new InputException($"{path}: role is '{role}', expected \"ad\" or \"bt\"") },
                Field("classes").EnumerateArray().Select(c => c.GetString()!).ToList(),
                Field("shape").EnumerateArray().Select(n => n.GetInt32()).ToArray(),
                Field("spacing").EnumerateArray().Select(n => n.GetDouble()).ToArray(),
                Field("counts").EnumerateObject().ToDictionary(s => s.Name,
                    s => (IReadOnlyDictionary<string, int>)s.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32())),
                Field("input_orientations").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetInt32()),
                Field("split_seed").GetInt32(),
                Field("label_fractions").EnumerateArray().Select(f => f.GetDouble()).ToList(),
                root.TryGetProperty("excluded", out var excluded) ? excluded.GetInt32() : 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a summary.json written by Preprocess ({e.Message})", e);
        }
    }
}
