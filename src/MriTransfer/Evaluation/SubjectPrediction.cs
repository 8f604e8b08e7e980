namespace MriTransfer.Evaluation;

/// <summary>One subject's prediction by one variant: class probabilities in class order, predicted label = argmax (first on ties).</summary>
public sealed record SubjectPrediction(string SubjectId, string PatientId, string TrueLabel, string PredictedLabel, double[] Probabilities)
{
    /// <summary>Probabilities are rounded to 6 decimals here, so metrics recomputed from predictions/*.csv match metrics.json exactly.</summary>
    public static SubjectPrediction FromProbabilities(string subjectId, string patientId, string trueLabel, IReadOnlyList<string> classes, IReadOnlyList<float> probabilities)
    {
        if (probabilities.Count != classes.Count)
            throw new EvaluationInputException($"subject {subjectId}: classifier returned {probabilities.Count} probabilities for {classes.Count} classes");
        var rounded = probabilities.Select(p => Math.Round((double)p, 6)).ToArray();
        return new SubjectPrediction(subjectId, patientId, trueLabel, classes[ArgMax(rounded)], rounded);
    }

    public static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
