using MriTransfer.Cohorts.Preprocessed;
using MriTransfer.Cohorts.Splitting;
using MriTransfer.Tests.Training;
using Pipeline.Errors;

namespace MriTransfer.Tests.Cohorts;

public sealed class PreprocessedCohortFormatTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static PreprocessedCohortSummary Summary(CohortMode mode) => new(mode, CohortRole.Bt, ["glioma", "none"], [8, 8, 4], [3, 3, 3],
        new Dictionary<string, IReadOnlyDictionary<string, int>> { ["train"] = new Dictionary<string, int> { ["glioma"] = 1, ["none"] = 1 } },
        new Dictionary<string, int> { ["LPS"] = 2 }, 42, [0.5, 1]);

    [Theory]
    [InlineData(CohortMode.ThreeD, "\"mode\": \"3d\"")]
    [InlineData(CohortMode.TwoD, "\"mode\": \"2d\"")]
    public void A_written_summary_reads_back_equal_with_its_mode_as_text(CohortMode mode, string text)
    {
        var path = Path.Combine(_temp.Path, PreprocessedCohortSummary.FileName);

        Summary(mode).Write(path);
        var read = PreprocessedCohortSummary.Read(path);

        Assert.Contains(text, File.ReadAllText(path));
        Assert.Equal(mode, read.Mode);
        Assert.Equal(CohortRole.Bt, read.Role);
        Assert.Equal(["glioma", "none"], read.Classes);
        Assert.Equal(1, read.Counts["train"]["none"]);
        Assert.Equal(2, read.InputOrientations["LPS"]);
        Assert.Equal([0.5, 1], read.LabelFractions);
    }

    [Fact]
    public void A_summary_with_an_unknown_mode_is_refused_naming_the_file_and_the_modes()
    {
        var path = Path.Combine(_temp.Path, PreprocessedCohortSummary.FileName);
        Summary(CohortMode.ThreeD).Write(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"3d\"", "\"4d\""));

        var error = Assert.Throws<InputException>(() => PreprocessedCohortSummary.Read(path));

        Assert.Equal($"{path}: mode is '4d', expected one of \"3d\", \"2d\"", error.Message);
    }

    [Fact]
    public void A_folder_without_summary_json_is_refused_asking_whether_it_is_a_Preprocess_output()
    {
        var error = Assert.Throws<InputException>(() => PreprocessedCohort.Load(_temp.Path));

        Assert.Contains("summary.json: missing; is", error.Message);
    }

    [Fact]
    public void The_fixture_cohort_written_by_the_writer_loads_with_its_subjects_and_fractions()
    {
        using var cohort = new TinyCohort(["a", "b"], trainPerClass: 2, valPerClass: 1);

        var loaded = PreprocessedCohort.Load(cohort.Root);

        Assert.Equal(8, loaded.Subjects.Count);
        Assert.Equal(2, loaded.TrainSubset(0.5).Count);
        Assert.True(File.Exists(Path.Combine(cohort.Root, PreprocessedCohort.SplitsFile)));
    }
}
