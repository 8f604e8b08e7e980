using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Models;
using MriTransfer.Training.Settings;

namespace MriTransfer.Training;

/// <summary>
/// The BT data a classifier stage may see: the train subset for <c>train.label_fraction</c> and the val split.
/// Test subjects are never read (their volumes are not even opened).
/// </summary>
public sealed record ClassifierData(PreprocessedCohort Cohort, SampleSet Train, SampleSet Val)
{
    public IReadOnlyList<string> Classes => Cohort.Classes;

    public static ClassifierData Load(string btDir, ClassifierSettings settings, Func<int, EncoderArchitecture> architectureFor)
    {
        var cohort = PreprocessedCohort.Load(btDir);
        var architecture = architectureFor(cohort.Mode.SpatialDims());
        architecture.ValidateInputShape(VolumeTensors.SpatialShape(cohort.Shape, architecture.SpatialDims), cohort.SummaryPath);
        var index = Path.Combine(btDir, "index.csv");
        if (cohort.Classes.Count < 2)
            throw new TrainingInputException($"{cohort.SummaryPath}: a classifier needs at least 2 classes, got [{string.Join(", ", cohort.Classes)}]");

        var train = cohort.TrainSubset(settings.Train.LabelFraction);
        var allTrain = cohort.Split("train").Count;
        var problems = new List<string>();
        foreach (var label in cohort.Classes.Where(c => train.All(s => s.Label != c)))
            problems.Add($"{index}: class '{label}' has no subject in the training subset (train.label_fraction = {settings.Train.LabelFraction} selects {train.Count} of {allTrain} train subjects); raise the fraction or check label_fractions.csv");
        var val = cohort.Split("val");
        if (val.Count == 0) problems.Add($"{index}: no subjects in the 'val' split; early stopping needs BT val subjects");
        if (problems.Count > 0) throw new TrainingInputException(problems);

        return new ClassifierData(cohort,
            SampleSet.Load(cohort, train, architecture, labelled: true, settings.Runtime.SampleMemoryFraction),
            SampleSet.Load(cohort, val, architecture, labelled: true, settings.Runtime.SampleMemoryFraction));
    }

    /// <summary>Inverse-frequency weights over training samples (N / (C · n_c)), or all ones.</summary>
    public float[] ClassWeights(bool weighted)
    {
        var counts = new int[Classes.Count];
        for (var i = 0; i < Train.Count; i++) counts[Train.LabelOf(i)]++;
        return counts.Select(n => weighted ? (float)Train.Count / (Classes.Count * n) : 1f).ToArray();
    }
}
