using System.Globalization;
using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;

namespace MriTransfer.Evaluation;

/// <summary>
/// The Evaluate stage's entry point: scores every given variant on the same BT test subjects, compares each with
/// the baseline, computes the transfer signals, and writes metrics.json, predictions/&lt;variant&gt;.csv and
/// reconstructions/ (index.csv + input/output NIfTI of a few subjects) into the output folder.
/// </summary>
public static class Evaluator
{
    public static EvaluationResult Run(EvaluateSettings settings, EvaluateInputs inputs, EvaluateServices services, string outputDir, Action<string> progress)
    {
        settings.Validate();
        var badNames = inputs.VariantDirs.Keys.Where(n => !EvaluateSettings.IsVariantName(n)).ToList();
        if (badNames.Count > 0)
            throw new EvaluationInputException(badNames.Select(n => $"variant input '{n}': expected a name of letters, digits, '_' or '-' (it names predictions/<name>.csv)"));
        var bt = inputs.Bt;
        var classes = bt.Classes;
        var test = bt.Split("test").OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        if (test.Count == 0) throw new EvaluationInputException($"{Path.Combine(bt.Root, "index.csv")}: no subjects with split 'test'; Evaluate scores the BT test split");
        var unknown = test.Where(s => bt.ClassIndex(s.Label) < 0).Select(s => $"{s.SubjectId} ('{s.Label}')").ToList();
        if (unknown.Count > 0)
            throw new EvaluationInputException($"{Path.Combine(bt.Root, "index.csv")}: test subjects with a label not in summary.json classes: {string.Join(", ", unknown)}");

        progress($"loading {test.Count} BT test volumes");
        var volumes = test.Select(s => services.ReadVolume(bt.PathOf(s))).ToList();
        // scans of one patient are resampled and permuted together: the unit of every interval and test is the patient
        var clusters = PatientClusters.Of(test.Select(s => s.PatientId).ToList(), test.Select(s => s.SubjectId).ToList());
        var resamples = clusters.Resample(settings.BootstrapResamples, settings.Seed);

        var order = VariantOrder(settings.Variants, inputs.VariantDirs.Keys);
        var predictions = new Dictionary<string, IReadOnlyList<SubjectPrediction>>(StringComparer.Ordinal);
        var metrics = new List<VariantMetrics>();
        foreach (var name in order)
        {
            progress($"scoring variant {name} on {test.Count} subjects");
            using var classifier = services.LoadClassifier(inputs.VariantDirs[name]);
            var rows = VariantPredictor.Predict(name, classifier, classes, test, volumes);
            predictions[name] = rows;
            PredictionsCsv.Write(Path.Combine(outputDir, "predictions", name + ".csv"), classes, rows);
            metrics.Add(VariantEvaluator.Evaluate(name, classifier.Kind, classes, rows, resamples, settings.CiLevel));
        }

        var comparisons = new List<PairedComparisonResult>();
        string? comparisonsNote = null;
        if (!predictions.ContainsKey(settings.Baseline))
            comparisonsNote = $"baseline variant '{settings.Baseline}' was not given, so no paired comparisons";
        else
            foreach (var name in order.Where(n => n != settings.Baseline))
                comparisons.Add(PairedComparison.Compare(name, predictions[name], settings.Baseline, predictions[settings.Baseline], classes,
                    clusters, resamples, settings.CiLevel, settings.Permutations, settings.Seed));

        var transfer = Transfer(settings, inputs, services, test, volumes, resamples, outputDir, progress);
        var result = new EvaluationResult(classes,
            classes.ToDictionary(c => c, c => test.Count(s => s.Label == c)),
            test.Count, clusters.Patients, clusters.PatientsWithRepeats, settings.BootstrapResamples, settings.Permutations, settings.Seed,
            settings.CiLevel, settings.Baseline, metrics, settings.Variants.Where(v => !inputs.VariantDirs.ContainsKey(v)).ToList(),
            PairedComparison.WithHolm(comparisons), comparisonsNote, transfer);
        MetricsJson.Write(Path.Combine(outputDir, "metrics.json"), result);
        return result;
    }

    /// <summary>Expected variants first in params order, then any extra given variant by name.</summary>
    public static IReadOnlyList<string> VariantOrder(IReadOnlyList<string> expected, IEnumerable<string> given)
    {
        var set = given.ToHashSet(StringComparer.Ordinal);
        return expected.Where(set.Contains).Concat(set.Except(expected).Order(StringComparer.Ordinal)).ToList();
    }

    private static TransferSignals Transfer(EvaluateSettings settings, EvaluateInputs inputs, EvaluateServices services,
        IReadOnlyList<PreprocessedSubject> test, IReadOnlyList<Volume> testVolumes, IReadOnlyList<int[]> resamples, string outputDir, Action<string> progress)
    {
        var bt = inputs.Bt;
        LinearProbeResult? probe = null;
        string? probeNote = "input 'encoder' (ExportEncoder folder) was not given";
        if (inputs.EncoderDir is { } encoder)
        {
            var train = bt.Split("train").OrderBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
            if (train.Count == 0) probeNote = "the BT cohort has no train subjects to fit the probe on";
            else
            {
                progress($"linear probe: encoder features of {train.Count} train and {test.Count} test subjects");
                var trainFeatures = services.ExtractFeatures(encoder, train.Select(s => services.ReadVolume(bt.PathOf(s))).ToList());
                var testFeatures = services.ExtractFeatures(encoder, testVolumes);
                probe = TransferEvaluation.LinearProbe(trainFeatures, train.Select(s => bt.ClassIndex(s.Label)).ToList(), testFeatures,
                    test.Select(s => bt.ClassIndex(s.Label)).ToList(), bt.Classes.Count, settings.Probe, resamples, settings.CiLevel);
                probeNote = null;
            }
        }

        ReconstructionResult? reconstruction = null;
        string? reconstructionNote = (inputs.PretrainDir, inputs.Ad) switch
        {
            (null, _) => "input 'pretrain' (Pretrain folder) was not given",
            (_, null) => "input 'ad' (Preprocess AD folder) was not given",
            _ => null,
        };
        if (inputs.PretrainDir is { } pretrain && inputs.Ad is { } ad)
        {
            var adVal = ad.Split("val");
            if (adVal.Count == 0) reconstructionNote = "the AD cohort has no val subjects";
            else
            {
                progress($"reconstruction error on {adVal.Count} AD val and {test.Count} BT test subjects");
                var examples = new List<(string Cohort, PreprocessedSubject Subject, Volume Input, Volume Output, double Mse)>();
                var (adSummary, adExamples) = TransferEvaluation.Reconstruction("ad_val", adVal, s => services.ReadVolume(ad.PathOf(s)),
                    v => services.Reconstruct(pretrain, v), settings.ReconstructionExamples);
                var (btSummary, btExamples) = TransferEvaluation.Reconstruction("bt_test", test, s => services.ReadVolume(bt.PathOf(s)),
                    v => services.Reconstruct(pretrain, v), settings.ReconstructionExamples);
                examples.AddRange(adExamples.Select(e => ("ad", e.Subject, e.Input, e.Output, e.Mse)));
                examples.AddRange(btExamples.Select(e => ("bt", e.Subject, e.Input, e.Output, e.Mse)));
                ReconstructionExamples.Write(Path.Combine(outputDir, "reconstructions"), examples);
                reconstruction = new ReconstructionResult(adSummary, btSummary);
            }
        }
        return new TransferSignals(probe, probeNote, reconstruction, reconstructionNote);
    }
}
