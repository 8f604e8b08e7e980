using MriTransfer.Reporting;

namespace MriTransfer.Tests.Reporting;

public class ReportRendersInBrowserTests
{
    [Fact]
    public void Given_a_complete_report_when_opened_in_headless_chromium_then_every_image_is_present_and_decoded()
    {
        using var data = new SyntheticReportInputs();
        var output = data.NewOutputDir();
        var doc = ReportBuilder.Run(SyntheticReportInputs.Settings, data.Inputs, SyntheticReportInputs.Machine, output, _ => { });

        var marks = HeadlessChromium.ImageDecodeMarks(Path.Combine(output, "report.html"));

        Assert.Equal(doc.Figures.Count(), marks.Count);
        Assert.All(marks, m => Assert.Equal("yes", m));
    }

    [Fact]
    public void Given_a_page_with_a_corrupt_image_when_opened_in_headless_chromium_then_the_check_reports_it_as_not_decoded()
    {
        // Guards the check itself: a broken data URI must not count as a rendered figure.
        var page = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"data:image/png;base64,iVBORw0KGgoAAAAbroken\"></body></html>");
        try
        {
            Assert.Equal(["no"], HeadlessChromium.ImageDecodeMarks(page));
        }
        finally { File.Delete(page); }
    }
}
