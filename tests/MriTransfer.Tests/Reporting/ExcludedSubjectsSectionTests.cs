using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public sealed class ExcludedSubjectsSectionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-excluded-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Cohort(string name, params string[] rows)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllLines(Path.Combine(dir, "excluded.csv"), ["subject_id,label,path,reason", .. rows]);
        return dir;
    }

    [Fact]
    public void Given_a_cohort_with_excluded_subjects_when_the_data_section_is_written_then_each_is_a_row_with_its_reason()
    {
        var doc = new ReportDocument("t");

        ExcludedSubjectsSection.Add(doc, new Dictionary<string, string>
        {
            ["ad"] = Cohort("ad"),
            ["bt"] = Cohort("bt", "bt-p0003-s1,glioma,subjects/bt-p0003-s1.nii.gz,\"1 of 32768 voxels are NaN or infinite; set preprocess.nonfinite\""),
        });
        var markdown = MarkdownReport.Render(doc);

        Assert.Contains("## Data: subjects left out", markdown);
        Assert.Contains("1 subject(s) were left out", markdown);
        Assert.Contains("| BT | bt-p0003-s1 | glioma | subjects/bt-p0003-s1.nii.gz | 1 of 32768 voxels are NaN or infinite; set preprocess.nonfinite |", markdown);
    }

    [Fact]
    public void Given_clean_cohorts_when_the_data_section_is_written_then_it_says_no_subject_was_left_out()
    {
        var doc = new ReportDocument("t");

        ExcludedSubjectsSection.Add(doc, new Dictionary<string, string> { ["ad"] = Cohort("ad"), ["bt"] = Cohort("bt") });

        Assert.Contains("No subject was left out of the cohorts", MarkdownReport.Render(doc));
    }
}
