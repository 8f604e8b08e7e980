using MriTransfer.Evaluation;
using Pipeline.Errors;

namespace MriTransfer.Tests.Evaluation;

public class PredictionsCsvTests
{
    [Fact]
    public void Given_predictions_when_written_and_read_back_then_every_field_round_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pred-{Guid.NewGuid():N}.csv");
        string[] classes = ["a", "b"];
        var rows = new[]
        {
            SubjectPrediction.FromProbabilities("s1", "p1", "a", classes, [0.7f, 0.3f]),
            SubjectPrediction.FromProbabilities("s2", "p2", "b", classes, [0.45f, 0.55f]),
        };
        try
        {
            PredictionsCsv.Write(path, classes, rows);
            var (readClasses, readRows) = PredictionsCsv.Read(path);

            Assert.Equal(classes, readClasses);
            Assert.Equal("subject_id,patient_id,true_label,predicted_label,p_a,p_b", File.ReadLines(path).First());
            Assert.Equal(rows.Select(r => (r.SubjectId, r.PatientId, r.TrueLabel, r.PredictedLabel)), readRows.Select(r => (r.SubjectId, r.PatientId, r.TrueLabel, r.PredictedLabel)));
            Assert.Equal(rows.SelectMany(r => r.Probabilities), readRows.SelectMany(r => r.Probabilities));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Given_tied_probabilities_when_the_label_is_predicted_then_the_first_class_in_order_wins()
    {
        var p = SubjectPrediction.FromProbabilities("s", "p", "b", ["a", "b"], [0.5f, 0.5f]);
        Assert.Equal("a", p.PredictedLabel);
    }

    [Fact]
    public void Given_a_file_without_probability_columns_when_read_then_the_error_names_the_file_and_the_missing_columns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pred-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "subject_id,true_label\ns1,a\n");
        try
        {
            var e = Assert.Throws<InputException>(() => PredictionsCsv.Read(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("patient_id", e.Message);
            Assert.Contains("p_<class>", e.Message);
        }
        finally { File.Delete(path); }
    }
}
