using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Imaging;
using MriTransfer.Models;

namespace MriTransfer.Evaluation;

/// <summary>Runs one trained classifier on the test subjects, mapping its class order onto the cohort's.</summary>
public static class VariantPredictor
{
    public static IReadOnlyList<SubjectPrediction> Predict(string variant, ISubjectClassifier classifier, IReadOnlyList<string> cohortClasses,
        IReadOnlyList<PreprocessedSubject> subjects, IReadOnlyList<Volume> volumes)
    {
        var order = ClassOrder(variant, classifier.Classes, cohortClasses);
        var rows = new List<SubjectPrediction>(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            var raw = classifier.PredictProbabilities(volumes[i]);
            if (raw.Length != classifier.Classes.Count)
                throw new EvaluationInputException($"variant {variant}: classifier returned {raw.Length} probabilities for {classifier.Classes.Count} classes");
            if (raw.Any(p => !float.IsFinite(p)))
                throw new EvaluationInputException($"variant {variant}: classifier returned a non-finite probability for subject {subjects[i].SubjectId}");
            var inCohortOrder = order.Select(j => raw[j]).ToArray();
            rows.Add(SubjectPrediction.FromProbabilities(subjects[i].SubjectId, subjects[i].PatientId, subjects[i].Label, cohortClasses, inCohortOrder));
        }
        return rows;
    }

    /// <summary>For each cohort class, its index among the model's classes; the two must be the same set.</summary>
    public static int[] ClassOrder(string variant, IReadOnlyList<string> modelClasses, IReadOnlyList<string> cohortClasses)
    {
        if (modelClasses.Count != cohortClasses.Count || cohortClasses.Any(c => !modelClasses.Contains(c)))
            throw new EvaluationInputException(
                $"variant {variant}: model classes [{string.Join(", ", modelClasses)}] differ from the BT cohort's classes [{string.Join(", ", cohortClasses)}]");
        return cohortClasses.Select(c => modelClasses.ToList().IndexOf(c)).ToArray();
    }
}
